import {
  RESERVED_SLUGS,
  SLUG_MAX,
  SLUG_MIN,
  assertRoleName,
  assertSchemaName,
  assertUuid,
  assertValidSlug,
  ident,
  roleNameFor,
  rolePrefixForDatabase,
  schemaNameForSlug,
  sqlLiteral,
  slugProblem,
} from './names';
import { TenancyErrorCode } from './tenancy.errors';

// PostgreSQL silently truncates identifiers longer than NAMEDATALEN - 1 bytes: two long names could collide.
const PG_MAX_IDENT = 63;
const PREFIX = rolePrefixForDatabase('lp_names_test');

describe('slug validation', () => {
  test.each([
    ['acme', 'the minimum-ish plain slug'],
    ['abc', `exactly ${SLUG_MIN} characters`],
    ['a'.repeat(SLUG_MAX), `exactly ${SLUG_MAX} characters`],
    ['acme-corp', 'single hyphens'],
    ['a1-b2-c3', 'digits after the first letter'],
    ['pgx', 'starts with pg but not pg-'],
  ])('accepts %j (%s)', (slug) => {
    expect(slugProblem(slug)).toBeNull();
    expect(assertValidSlug(slug)).toBe(slug);
  });

  test.each([
    ['ab', 'too short'],
    ['', 'empty'],
    ['a'.repeat(SLUG_MAX + 1), 'too long'],
    ['Acme', 'uppercase'],
    ['ACME', 'all uppercase'],
    ['1acme', 'leading digit'],
    ['-acme', 'leading hyphen'],
    ['ac--me', 'double hyphen'],
    ['acme-', 'trailing hyphen'],
    ['ac_me', 'underscore (would collide with ac-me once mapped to a schema name)'],
    ['ac me', 'space'],
    [' acme', 'leading space'],
    ['acme\n', 'trailing newline'],
    ['ac.me', 'dot'],
    ['ac"me', 'double quote'],
    ["ac'me", 'single quote'],
    ['acmé', 'latin accent'],
    ['аcme', 'cyrillic homoglyph a'],
    ['ａｃｍｅ', 'fullwidth letters'],
    ['acme\u200b', 'zero-width space'],
    ['acme🚀', 'emoji'],
    ['ac\u0000me', 'NUL byte'],
  ])('rejects %j (%s)', (slug) => {
    expect(slugProblem(slug)).not.toBeNull();
    expect(() => assertValidSlug(slug)).toThrow(expect.objectContaining({ code: TenancyErrorCode.INVALID_SLUG }));
    expect(() => schemaNameForSlug(slug)).toThrow(expect.objectContaining({ code: TenancyErrorCode.INVALID_SLUG }));
  });

  test.each(['admin', 'public', 'control', 'postgres', 'information-schema', 'graphql', 'www', 'pg-catalog', 'pg-toast', 'pg-anything'])(
    'rejects the reserved slug %j',
    (slug) => {
      expect(slugProblem(slug)).toBe('is reserved');
      expect(() => assertValidSlug(slug)).toThrow(expect.objectContaining({ code: TenancyErrorCode.INVALID_SLUG }));
    },
  );

  test('every reserved word long enough to be a slug is refused as reserved', () => {
    const eligible = [...RESERVED_SLUGS].filter((s) => s.length >= SLUG_MIN);
    expect(eligible.length).toBeGreaterThan(10);
    for (const slug of eligible) expect(slugProblem(slug)).toBe('is reserved');
  });

  test('a non-string is refused', () => {
    expect(slugProblem(42 as unknown as string)).toBe('must be a string');
    expect(() => assertValidSlug(null as unknown as string)).toThrow(expect.objectContaining({ code: TenancyErrorCode.INVALID_SLUG }));
  });

  test('the error message does not echo an unbounded slug', () => {
    const huge = 'x'.repeat(10_000);
    try {
      assertValidSlug(huge);
      throw new Error('expected a throw');
    } catch (err) {
      expect((err as Error).message.length).toBeLessThan(200);
    }
  });
});

describe('schema and role names', () => {
  test('a schema name is t_ plus the slug with hyphens as underscores', () => {
    expect(schemaNameForSlug('acme')).toBe('t_acme');
    expect(schemaNameForSlug('acme-corp-2')).toBe('t_acme_corp_2');
  });

  test('distinct slugs never map to the same schema name', () => {
    const slugs = ['ab-c', 'abc', 'a-bc', 'a-b-c', 'abc-1', 'abc1'];
    const schemas = slugs.map(schemaNameForSlug);
    expect(new Set(schemas).size).toBe(slugs.length);
  });

  test('the role prefix is per database, stable, and hex', () => {
    expect(PREFIX).toMatch(/^lp[0-9a-f]{8}_$/);
    expect(rolePrefixForDatabase('lp_names_test')).toBe(PREFIX);
    expect(rolePrefixForDatabase('leadplane')).not.toBe(rolePrefixForDatabase('leadplane_test'));
  });

  test('a role name is the prefix plus the schema name', () => {
    expect(roleNameFor(PREFIX, 't_acme_corp')).toBe(`${PREFIX}t_acme_corp`);
  });

  test('the longest slug still gives names PostgreSQL keeps whole', () => {
    const schema = schemaNameForSlug('a'.repeat(SLUG_MAX));
    const role = roleNameFor(PREFIX, schema);
    expect(Buffer.byteLength(schema)).toBeLessThanOrEqual(PG_MAX_IDENT);
    expect(Buffer.byteLength(role)).toBeLessThanOrEqual(PG_MAX_IDENT);
  });

  test('random strings either fail slug validation or yield names that pass both validators', () => {
    // Mostly slug characters, with the dangerous ones mixed in: both branches must be exercised.
    const alphabet = 'abcxyz0189-abcxyz0189-_"; \'AZ.é\\/$\n';
    let seed = 0x9e3779b9;
    const next = () => {
      // mulberry32: deterministic, so a failure reproduces.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const len = 1 + (next() % 12);
      let s = 'abcdefghijklmnopqrstuvwxyz'.charAt(next() % 26);
      for (let j = 0; j < len; j++) s += alphabet.charAt(next() % alphabet.length);
      if (slugProblem(s) === null) {
        valid++;
        const schema = schemaNameForSlug(s);
        expect(schema).toMatch(/^t_[a-z][a-z0-9_]*$/);
        expect(assertRoleName(roleNameFor(PREFIX, schema))).toBe(`${PREFIX}${schema}`);
      } else {
        expect(() => schemaNameForSlug(s)).toThrow();
      }
    }
    // The generator must exercise both branches, or this test proves nothing.
    expect(valid).toBeGreaterThan(50);
    expect(valid).toBeLessThan(3000);
  });
});

describe('the assert* guards refuse anything that is not a plain identifier', () => {
  const INJECTIONS = [
    't_a"; drop schema x; --',
    't_a; drop schema x',
    "t_a'; drop schema x; --",
    't_a" cascade',
    't_a\n',
    't_a\u0000',
    't_a b',
    't_a.leads',
    'T_ACME',
    't_',
    't_1abc',
    'public',
    'pg_catalog',
    'control',
    `t_${'a'.repeat(41)}`,
    '',
  ];

  test.each(INJECTIONS)('assertSchemaName refuses %j', (name) => {
    expect(() => assertSchemaName(name)).toThrow(/invalid tenant schema name/);
  });

  test.each(INJECTIONS)('roleNameFor refuses the schema %j', (name) => {
    expect(() => roleNameFor(PREFIX, name)).toThrow(/invalid tenant/);
  });

  test.each([
    `${PREFIX}t_a"; drop schema x; --`,
    `${PREFIX}t_a"; drop role postgres; --`,
    'postgres',
    'pg_read_all_data',
    `${PREFIX}`,
    `${PREFIX}t_acme\n`,
    `lp1234567_t_acme`,
    `LP12345678_t_acme`,
    `lpzzzzzzzz_t_acme`,
    `x${PREFIX}t_acme`,
  ])('assertRoleName refuses %j', (name) => {
    expect(() => assertRoleName(name)).toThrow(/invalid tenant role name/);
  });

  test('a forged prefix cannot smuggle SQL into a role name', () => {
    expect(() => roleNameFor('lp12345678_"; drop schema x; --', 't_acme')).toThrow(/invalid tenant role name/);
    expect(() => roleNameFor('', 't_acme')).toThrow(/invalid tenant role name/);
  });

  test('valid names pass unchanged', () => {
    expect(assertSchemaName('t_acme_corp')).toBe('t_acme_corp');
    expect(assertRoleName(`${PREFIX}t_acme_corp`)).toBe(`${PREFIX}t_acme_corp`);
  });

  test('assertUuid refuses injection and normalises case', () => {
    expect(assertUuid('9F1C2A3B-0000-4000-8000-00000000000A')).toBe('9f1c2a3b-0000-4000-8000-00000000000a');
    for (const bad of ["9f1c2a3b-0000-4000-8000-00000000000a'; drop table x; --", '9f1c2a3b00004000800000000000000a', 'not-a-uuid', '']) {
      expect(() => assertUuid(bad)).toThrow(/invalid uuid/);
    }
  });

  test('sqlLiteral inlines only plain names and refuses quotes, backslashes, spaces and semicolons', () => {
    expect(sqlLiteral('t_acme')).toBe("'t_acme'");
    expect(sqlLiteral('30000')).toBe("'30000'");
    expect(sqlLiteral('9f1c2a3b-0000-4000-8000-00000000000a')).toBe("'9f1c2a3b-0000-4000-8000-00000000000a'");
    for (const bad of ["t_a'b", 't_a\\', 't_a b', 't_a;select 1', 't_a$$', 'ü']) expect(() => sqlLiteral(bad)).toThrow(/Refusing/);
  });

  test('ident double-quotes and doubles embedded quotes', () => {
    expect(ident('t_acme')).toBe('"t_acme"');
    expect(ident('a"b')).toBe('"a""b"');
  });
});
