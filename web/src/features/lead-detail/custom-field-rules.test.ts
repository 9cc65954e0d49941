import { customFieldProblem, patternEngineReady, type FieldRule } from './custom-field-rules';

/* The browser's check of a pattern: the API's engine and verdicts (ADR 0013), so typing cannot freeze the tab. */

beforeAll(() => patternEngineReady);

const field = (pattern: string): FieldRule => ({ key: 'code', label: 'Code', type: 'text', required: false, pattern, options: [] });

test('a value gets the API verdict and message for its pattern, in JavaScript syntax', () => {
  expect(customFieldProblem(field('[A-Z]{2}[0-9]+'), 'AB12')).toBeNull();
  expect(customFieldProblem(field('[A-Z]{2}[0-9]+'), 'AB12x')).toBe('must match the pattern [A-Z]{2}[0-9]+');
  expect(customFieldProblem(field('a|b'), 'ab')).toBe('must match the pattern a|b');
  expect(customFieldProblem(field('\\u00e9+'), 'éé')).toBeNull();
  expect(customFieldProblem(field('(?<y>\\d{4})'), '2026')).toBeNull();
});

test('a catastrophic pattern is matched in linear time (RegExp would not return within the test timeout)', () => {
  // A synchronous loop cannot be timed out: first make sure no backtracking engine checks a pattern at all.
  const spies = [jest.spyOn(RegExp.prototype, 'exec'), jest.spyOn(RegExp.prototype, 'test')];
  try {
    expect(customFieldProblem(field('(b+)+c'), 'bbbb!')).toBe('must match the pattern (b+)+c');
    expect(customFieldProblem(field('(b+)+c'), 'bbbbc')).toBeNull();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(customFieldProblem(field('(a+)+'), `${'a'.repeat(1_900)}!`)).toBe('must match the pattern (a+)+');
  expect(customFieldProblem(field('(a+)+'), 'aaa')).toBeNull();
});

test('a stored pattern the engine cannot run refuses the value with the API message', () => {
  for (const p of ['(?=a)a', '(a)\\1', '(?<n>a)\\k<n>']) {
    expect(customFieldProblem(field(p), 'aa')).toBe("cannot be checked: the field's pattern is no longer supported, an admin must change it");
  }
  expect(customFieldProblem(field('a\\\\k'), 'a\\k')).toBeNull();
});
