import { Client } from 'pg';
import { inlineParams } from './inline';
import { testState } from '../../test/state';

/**
 * inlineParams writes values into a statement for a simple-query message. What it must guarantee: the statement
 * means exactly what the parametrized one means, whatever the values (no value can end its literal), and anything
 * it cannot rewrite with certainty is refused (null), never guessed.
 */

describe('the scanner', () => {
  test('replaces placeholders, by number, and leaves quoted text, quoted identifiers and comments alone', () => {
    expect(inlineParams(`select $1, $2, $10`, Array.from({ length: 10 }, (_, i) => i + 1))).toBe(`select  '1' ,  '2' ,  '10' `);
    expect(inlineParams(`select '$1', "$1" -- $1\n, $1 /* $1 */`, ['x'])).toBe(`select '$1', "$1" -- $1\n,  'x'  /* $1 */`);
    expect(inlineParams(`select 'it''s', $1`, ['y'])).toBe(`select 'it''s',  'y' `);
    expect(inlineParams(`select $1::uuid`, ['00000000-0000-0000-0000-000000000000'])).toBe(`select  '00000000-0000-0000-0000-000000000000' ::uuid`);
  });

  test('refuses what it cannot rewrite with certainty', () => {
    expect(inlineParams(`select 1; select 2`)).toBeNull(); // a second statement
    expect(inlineParams(`select $$text$$`)).toBeNull(); // dollar quoting
    expect(inlineParams(`select $tag$text$tag$`)).toBeNull();
    expect(inlineParams(`select a$1 from t`, ['x'])).toBeNull(); // a dollar inside an identifier
    expect(inlineParams(`select E'\\n'`)).toBeNull(); // backslash escapes
    expect(inlineParams(`select 'unterminated`)).toBeNull();
    expect(inlineParams(`select /* a /* nested */ */ 1`)).toBeNull();
    expect(inlineParams(`select $2`, ['only one'])).toBeNull(); // a placeholder without a value
    expect(inlineParams(`select $0`, ['x'])).toBeNull();
    expect(inlineParams(`select $1`, ['nul\u0000byte'])).toBeNull(); // PostgreSQL refuses a NUL in text
  });
});

describe('against PostgreSQL: an inlined statement returns what the parametrized one returns', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: testState().databaseUrl });
    await client.connect();
  });
  afterAll(async () => client?.end());

  const hostile = [
    `plain`,
    `it's`,
    `''`,
    `'); drop table leads; --`,
    `\\'; select 1; --`,
    `back\\slash`,
    `\\`,
    `ends with backslash\\`,
    `$1 $$ $tag$`,
    `/* not a comment */ -- nor this`,
    `line\nbreak\ttab\r`,
    `unicode ✓ ünïcödé 漢字 😀`,
    `"double" "quotes"`,
    `E'x'`,
    ' '.repeat(3),
    '',
  ];

  async function both(sql: string, params: unknown[]) {
    const inlined = inlineParams(sql, params);
    expect(inlined).not.toBeNull();
    const [viaParams, viaText] = await Promise.all([client.query(sql, params), client.query(inlined!)]);
    return { viaParams: viaParams.rows, viaText: viaText.rows };
  }

  test.each(hostile.map((v) => [JSON.stringify(v), v]))('text %s comes back unchanged', async (_label, value) => {
    const { viaParams, viaText } = await both(`select $1::text as v, length($1) as n`, [value]);
    expect(viaText).toEqual(viaParams);
    expect(viaText[0].v).toBe(value);
  });

  test('with standard_conforming_strings off, a backslash still cannot end a literal', async () => {
    await client.query(`set standard_conforming_strings = off`);
    try {
      for (const value of hostile) {
        const { rows } = await client.query(inlineParams(`select $1::text as v`, [value])!);
        expect(rows[0].v).toBe(value);
      }
    } finally {
      await client.query(`reset standard_conforming_strings`);
    }
  });

  test('every kind of value pg serializes: numbers, booleans, null, dates, arrays, JSON, bytes', async () => {
    const at = new Date('2026-11-24T05:06:07.089Z');
    const cases: Array<[string, unknown]> = [
      [`select $1::int + 1 as v`, 41],
      [`select $1::numeric as v`, '12345678901234567890.5'],
      [`select $1::float8 as v`, 0.1],
      [`select $1::boolean as v`, false],
      [`select $1::text is null as v`, null],
      [`select $1::text is null as v`, undefined],
      [`select $1::timestamptz as v`, at],
      [`select $1::text[] as v`, ['a', `b"c`, `d'e`, `f\\g`, null, '', 'h,i', '{j}']],
      [`select $1::int[] as v`, [1, 2, 3]],
      [`select $1::jsonb as v`, { a: `x'y`, b: ['\\', '"'], c: null, d: 1.5 }],
      [`select $1::bytea as v`, Buffer.from([0, 1, 39, 92, 255])],
      [`select 1 as v limit $1`, 0],
      [`select $1 = any($2::uuid[]) as v`, null],
    ];
    for (const [sql, value] of cases) {
      const params = sql.includes('$2') ? ['00000000-0000-0000-0000-000000000001', ['00000000-0000-0000-0000-000000000001']] : [value];
      const { viaParams, viaText } = await both(sql, params);
      expect({ sql, rows: viaText }).toEqual({ sql, rows: viaParams });
    }
  });

  test('an untyped literal takes its type from where it stands, as an unbound parameter does', async () => {
    await client.query(`create temporary table inline_t (id uuid, n int, at timestamptz, tags text[])`);
    await client.query(`insert into inline_t values ('00000000-0000-0000-0000-00000000000a', 5, '2026-01-01T00:00:00Z', '{x,y}')`);
    const sql = `select id, n from inline_t where id = $1 and n > $2 and at < $3 and tags && $4 and id = any($5) order by n limit $6`;
    const params = ['00000000-0000-0000-0000-00000000000a', 4, new Date('2026-06-01T00:00:00Z'), ['y'], ['00000000-0000-0000-0000-00000000000a'], 10];
    const { viaParams, viaText } = await both(sql, params);
    expect(viaText).toEqual(viaParams);
    expect(viaText).toHaveLength(1);
  });
});
