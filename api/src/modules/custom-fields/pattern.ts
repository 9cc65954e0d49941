import { RE2JS } from 're2js';

/**
 * Custom-field patterns are written by tenant admins and run by the API process that serves every tenant. A
 * JavaScript RegExp backtracks: `(a+)+` against forty a's and a `!` takes longer than anyone waits, on the one
 * event loop all tenants share, and every lead write of the tenant runs it again. Patterns therefore run on RE2JS, a
 * linear-time engine (RE2's automata, pure JavaScript): matching costs time proportional to the value, whatever
 * the pattern (ADR 0013).
 *
 * Patterns are written in JavaScript's syntax (what the admin screen documents): a pattern must compile as a
 * RegExp with the `u` flag, and then, translated to RE2's syntax by RE2JS (`\u{…}` escapes, named groups), under
 * RE2. That refuses what no linear-time engine can do (backreferences, lookahead, lookbehind) and RE2-only syntax
 * a JavaScript reader would not expect (`(?i)`, `(?P<name>…)`). The SPA checks values as they are typed with the
 * same engine and the same steps (web/src/features/lead-detail/custom-field-rules.ts).
 */

/** Compiled anchored patterns by pattern text (or RE2's complaint): lead writes check the same few patterns again and again. */
const compiled = new Map<string, RE2JS | string>();
const CACHE_SIZE = 500;

/** The whole value must match, as with `^(?:pattern)$`; a string (RE2's complaint) when RE2 cannot compile it. */
function anchored(pattern: string): RE2JS | string {
  const hit = compiled.get(pattern);
  if (hit !== undefined) {
    compiled.delete(pattern);
    compiled.set(pattern, hit);
    return hit;
  }
  let re: RE2JS | string;
  try {
    // The translation drops the backslash of escapes it does not know (`\k<name>` would become the literal
    // `k<name>`): a named backreference, the one such escape the `u` flag allows, is refused before it.
    if (namedBackreference(pattern)) throw new Error('invalid escape sequence: `\\k`');
    re = RE2JS.compile(`^(?:${RE2JS.translateRegExp(pattern)})$`);
  } catch (e) {
    re = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
  }
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, re);
  return re;
}

/** Why a pattern cannot be saved, or null when it can. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return 'is not a valid regular expression (JavaScript, u flag)';
  }
  const re = anchored(pattern);
  if (typeof re !== 'string') return null;
  return /unsupported Perl syntax|invalid escape sequence: `\\[\dk]|invalid named capture: `\(\?<[=!]/.test(re)
    ? 'uses a backreference, lookahead or lookbehind: patterns are matched in linear time, which these do not allow'
    : `is not supported by the linear-time matcher: ${re}`;
}

/**
 * The problem of a value under the pattern, or null when the whole value matches. A stored pattern RE2 cannot
 * compile (saved before patterns ran on RE2) refuses every value with a message for an admin, rather than running
 * on a backtracking engine.
 */
export function valueProblem(pattern: string, value: string): string | null {
  const re = anchored(pattern);
  if (typeof re === 'string') return "cannot be checked: the field's pattern is no longer supported, an admin must change it";
  return re.test(value) ? null : `must match the pattern ${pattern}`;
}

/** Whether the pattern holds `\k` as an escape (not an escaped backslash followed by k). */
function namedBackreference(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    if (pattern[i + 1] === 'k') return true;
    i++;
  }
  return false;
}
