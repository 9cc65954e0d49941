import { Client } from 'pg';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { DateTimeISO, isoTimestampSql } from './date-time';
import { testState } from '../../test/state';

/**
 * Lead timestamps are read as text (isoTimestampSql) where they used to be parsed by pg into a Date and formatted by
 * the DateTimeISO scalar. What must hold: a client sees the same characters either way, in any session time zone,
 * and the scalar treats everything else as graphql-scalars does.
 */

describe('isoTimestampSql against PostgreSQL', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: testState().databaseUrl });
    await client.connect();
  });
  afterAll(async () => client?.end());

  const values = [
    '2026-11-24 09:11:33.308999+00', // microseconds: truncated, as pg's Date parse truncates them
    '2026-11-24 23:59:59.9999995+00', // rounds up to the next day at PostgreSQL's microsecond precision
    '2026-01-01 00:00:00+05', // another offset, the previous year in UTC
    '2024-02-29 12:00:00.1+00', // one fractional digit
    '1969-12-31 23:59:59.999+00', // before the epoch
    '0999-03-04 05:06:07.089+00', // a three-digit year, zero-padded
  ];

  for (const timeZone of ['UTC', 'America/St_Johns', 'Asia/Kathmandu']) {
    test(`is what Date#toISOString gave for the value pg parsed (session time zone ${timeZone})`, async () => {
      await client.query(`select set_config('TimeZone', $1, false)`, [timeZone]);
      for (const v of values) {
        const { rows } = await client.query<{ parsed: Date; text: string }>(`select t as parsed, ${isoTimestampSql('t')} as text from (select $1::timestamptz as t) x`, [v]);
        expect({ v, text: rows[0]!.text }).toEqual({ v, text: rows[0]!.parsed.toISOString() });
        expect(DateTimeISO.serialize(rows[0]!.text)).toBe(GraphQLDateTimeISO.serialize(rows[0]!.parsed));
      }
    });
  }

  test('keeps null null', async () => {
    const { rows } = await client.query(`select ${isoTimestampSql('null::timestamptz')} as text`);
    expect(rows[0].text).toBeNull();
  });
});

describe('the DateTimeISO scalar', () => {
  test('is graphql-scalars’ DateTimeISO by name, description and input parsing', () => {
    expect(DateTimeISO.name).toBe(GraphQLDateTimeISO.name);
    expect(DateTimeISO.description).toBe(GraphQLDateTimeISO.description);
    expect(DateTimeISO.parseValue('2026-11-24T10:11:33.308+01:00')).toEqual(GraphQLDateTimeISO.parseValue('2026-11-24T10:11:33.308+01:00'));
  });

  test('writes canonical text as it is, and formats anything else as graphql-scalars does', () => {
    expect(DateTimeISO.serialize('2026-11-24T09:11:33.308Z')).toBe('2026-11-24T09:11:33.308Z');
    expect(DateTimeISO.serialize(new Date('2026-11-24T09:11:33.308Z'))).toBe('2026-11-24T09:11:33.308Z');
    expect(DateTimeISO.serialize('2026-11-24T10:11:33.308+01:00')).toBe('2026-11-24T09:11:33.308Z');
    expect(DateTimeISO.serialize('2026-11-24T09:11:33Z')).toBe('2026-11-24T09:11:33.000Z');
    expect(() => DateTimeISO.serialize('yesterday')).toThrow(/DateTime cannot represent/);
    expect(() => DateTimeISO.serialize(new Date(Number.NaN))).toThrow(/invalid Date/);
  });
});
