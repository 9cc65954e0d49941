import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

const original = GraphQLDateTimeISO.toConfig();

/**
 * Timestamps as the API writes them: `2026-11-24T09:11:33.308Z`, what `Date#toISOString` gives (UTC, milliseconds).
 *
 * Rows that are only ever serialized (leads, on every page) read their timestamps as this text straight from
 * PostgreSQL (`isoTimestampSql`) instead of having pg parse each into a Date that the scalar then formats back:
 * on a 50-lead page that was about 6 % of the API's busy time (bench/results/levers.md, round 7).
 */
export type IsoTimestamp = string;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The SQL expression of `column` (a timestamptz) as IsoTimestamp text. `to_char`'s MS truncates like pg's parse into
 * a Date does, so the text is the one `toISOString()` gave before (checked in date-time.test.ts against pg itself).
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * graphql-scalars' DateTimeISO (same name, description and input parsing: schema.graphql does not change), except
 * that text already in the canonical form is written as it is. Anything else (a Date, other ISO shapes, numbers)
 * goes through graphql-scalars' own validation and formatting, as before.
 */
export const DateTimeISO = new GraphQLScalarType({
  ...original,
  serialize(value: unknown): string {
    if (typeof value === 'string' && value.length === 24 && CANONICAL.test(value)) return value;
    return original.serialize!(value) as string;
  },
});
