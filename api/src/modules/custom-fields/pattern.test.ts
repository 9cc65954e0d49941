import { patternProblem, valueProblem } from './pattern';

const matches = (pattern: string, value: string) => valueProblem(pattern, value) === null;

/* Custom-field patterns run on a linear-time engine (ADR 0013): what they accept, refuse and match. */

test('a pattern matches the whole value, in JavaScript syntax', () => {
  expect(patternProblem('[A-Z]{3}-\\d+')).toBeNull();
  expect(matches('[A-Z]{3}-\\d+', 'ABC-12')).toBe(true);
  expect(matches('[A-Z]{3}-\\d+', 'xABC-12')).toBe(false);
  expect(matches('[A-Z]{3}-\\d+', 'ABC-12x')).toBe(false);
  expect(matches('[A-Z]{3}-\\d+', 'ABC-12\n')).toBe(false);
  expect(matches('a|b', 'a')).toBe(true); // the alternation is grouped before anchoring
  expect(matches('a|b', 'ab')).toBe(false);
  // JavaScript escapes and named groups are translated to RE2's syntax.
  expect(matches('\\u00e9+', 'éé')).toBe(true);
  expect(matches('\\u{1F600}', '😀')).toBe(true);
  expect(matches('(?<year>\\d{4})-\\d{2}', '2026-11')).toBe(true);
  expect(matches('\\p{L}+', 'héllo')).toBe(true);
  expect(matches('\\p{L}+', 'h3llo')).toBe(false);
  expect(matches('a\\\\k', 'a\\k')).toBe(true); // an escaped backslash, then k: not a backreference
});

test('a pattern that backtracks catastrophically in JavaScript is matched in linear time', () => {
  // Under RegExp, ^(?:(a+)+)$ against these values would take longer than the test run (2^n paths), and a
  // synchronous loop cannot be timed out: first make sure no backtracking engine is involved at all.
  const spies = [jest.spyOn(RegExp.prototype, 'exec'), jest.spyOn(RegExp.prototype, 'test')];
  try {
    expect(matches('(b+)+c', 'bbbbc')).toBe(true);
    expect(matches('(b+)+c', 'bbbb!')).toBe(false);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  const evil = 'a'.repeat(20_000) + '!';
  expect(patternProblem('(a+)+')).toBeNull();
  expect(valueProblem('(a+)+', evil)).toBe('must match the pattern (a+)+');
  expect(matches('(a|aa)*b', 'a'.repeat(20_000))).toBe(false);
  expect(matches('([a-z]+\\.?)+@x', `${'ab.'.repeat(5_000)}!`)).toBe(false);
  expect(matches('(a+)+', 'aaaa')).toBe(true);
});

test('what no linear-time engine can do is refused with a reason, and so is what JavaScript cannot compile', () => {
  for (const p of ['(a)\\1', '(?=a)a', '(?!a)b', '(?<=a)b', '(?<!a)b', '(?<n>a)\\k<n>']) {
    expect(patternProblem(p)).toMatch(/backreference, lookahead or lookbehind/);
  }
  expect(patternProblem('(a{1,100}){1,100}')).toMatch(/linear-time matcher: invalid repeat count/);
  for (const p of ['(unclosed', 'a)(b', '\\p{Nope}', '(?i)abc', '(?P<n>a)', '[\\d-z]']) {
    expect(patternProblem(p)).toBe('is not a valid regular expression (JavaScript, u flag)');
  }
});

test('a stored pattern the engine cannot compile refuses every value with a message for the admin', () => {
  // Saved before patterns ran on RE2 (a lookahead was valid JavaScript then): fail closed, never backtrack.
  expect(valueProblem('(?=a)a+', 'aaa')).toBe("cannot be checked: the field's pattern is no longer supported, an admin must change it");
  expect(valueProblem('[0-9]+', 'x')).toBe('must match the pattern [0-9]+');
});
