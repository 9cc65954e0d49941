import { escapeLiteral } from 'pg';
import { prepareValue } from 'pg/lib/utils';

/**
 * One statement with its parameters written in as SQL literals, for a simple-query message (which cannot carry
 * parameters), or null when the statement is not one this function can rewrite with certainty; the caller then sends
 * it the usual way, parametrized.
 *
 * What makes the rewrite safe:
 * - values are serialized exactly as pg serializes parameters (`prepareValue`: dates, arrays, JSON, buffers) and
 *   quoted by pg's `escapeLiteral`, which doubles quotes and backslashes and marks the literal E'' when it holds a
 *   backslash, so it reads the same with `standard_conforming_strings` on or off;
 * - a literal is untyped (`unknown`) to PostgreSQL, as an unbound parameter is: it takes its type from where it stands
 *   (`l.id = '…'`, `limit '50'`, `= any('{…}')`), and explicit casts (`$1::uuid`) keep working;
 * - placeholders are found by a scanner that skips quoted strings, quoted identifiers and comments; a statement
 *   holding a backslash, a dollar that is not a placeholder (dollar quoting), a semicolon (a second statement) or a
 *   placeholder without a value is refused, and so is a value holding a NUL (PostgreSQL rejects it as a parameter
 *   too, with its own error, on the parametrized path).
 */
export function inlineParams(sql: string, params: readonly unknown[] = []): string | null {
  if (sql.includes('\\')) return null;
  let out = '';
  let from = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const close = sql.indexOf(ch, i + 1);
      if (close < 0) return null;
      i = close + 1; // a doubled quote inside is two adjacent quoted runs: the scan stays in step
    } else if (ch === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0 || sql.lastIndexOf('/*', close) !== i) return null; // nested comments: not worth the risk
      i = close + 2;
    } else if (ch === ';') {
      return null;
    } else if (ch === '$') {
      if (i > 0 && /[A-Za-z0-9_]/.test(sql[i - 1]!)) return null; // a dollar inside an identifier
      let j = i + 1;
      while (j < n && sql.charCodeAt(j) >= 48 && sql.charCodeAt(j) <= 57) j++;
      if (j === i + 1) return null; // $$ or $tag$: dollar quoting
      const index = Number(sql.slice(i + 1, j)) - 1;
      if (index < 0 || index >= params.length) return null;
      const literal = literalOf(params[index]);
      if (literal === null) return null;
      // A space on each side, so a literal never fuses with what is around it (`-$1`, `$1::int`, `=$1`).
      out += `${sql.slice(from, i)} ${literal} `;
      from = i = j;
    } else {
      i++;
    }
  }
  return out + sql.slice(from);
}

/**
 * The values as a comma-separated list of SQL literals (for `execute name(…)`), serialized and quoted as inlineParams
 * writes them in; null when one cannot be (a NUL).
 */
export function inlineArgs(params: readonly unknown[]): string | null {
  const out: string[] = [];
  for (const value of params) {
    const literal = literalOf(value);
    if (literal === null) return null;
    out.push(literal);
  }
  return out.join(', ');
}

function literalOf(value: unknown): string | null {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  const text = Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : String(prepared);
  if (text.includes('\u0000')) return null;
  return escapeLiteral(text);
}
