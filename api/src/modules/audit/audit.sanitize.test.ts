import { diffRecords, LIMITS, sanitizeArgs } from './audit.diff';

/* What an audit entry may hold, without a database: no secrets at any depth, bounded sizes, only changed keys. */

test('sanitizeArgs drops password-, token-, secret- and key-like keys at any depth, and keeps the rest', () => {
  const args = {
    email: 'a@b.test',
    password: 'hunter2',
    newPassword: 'hunter3',
    input: { name: 'Lead', refreshToken: 'lprt_x', clientSecret: 's', apiKey: 'k', api_key: 'k2', nested: [{ Authorization: 'Bearer x', keep: 1 }] },
    passwordHash: 'argon',
    when: new Date('2024-01-02T03:04:05.000Z'),
    nothing: undefined,
  };
  const clean = sanitizeArgs(args);
  expect(clean).toEqual({ email: 'a@b.test', input: { name: 'Lead', nested: [{ keep: 1 }] }, when: '2024-01-02T03:04:05.000Z' });
  expect(JSON.stringify(clean)).not.toMatch(/hunter|lprt_|Bearer|argon/);
});

test('sanitizeArgs caps strings, arrays, keys and depth, and replaces an oversized whole by its keys', () => {
  const long = 'x'.repeat(LIMITS.string + 100);
  const clean = sanitizeArgs({ long, list: Array.from({ length: LIMITS.array + 7 }, (_, i) => i), deep: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } });
  expect(clean.long).toBe(`${'x'.repeat(LIMITS.string)}…`);
  expect(clean.list).toHaveLength(LIMITS.array + 1);
  expect((clean.list as unknown[]).at(-1)).toBe('…7 more');
  expect(JSON.stringify(clean.deep)).toContain('[…]');

  const wide = Object.fromEntries(Array.from({ length: LIMITS.keys + 3 }, (_, i) => [`k${i}`, i]));
  expect(sanitizeArgs({ wide }).wide).toMatchObject({ $more: 3 });

  const huge = sanitizeArgs({ a: Array.from({ length: 40 }, () => 'y'.repeat(400)), b: 1 });
  expect(huge).toEqual({ $truncated: true, $bytes: expect.any(Number), $keys: ['a', 'b'] });
  expect(Buffer.byteLength(JSON.stringify(huge))).toBeLessThan(LIMITS.bytes);
});

test('diffRecords keeps only the keys that changed, compares dates and objects by value, and hides secrets', () => {
  const before = { name: 'A', company: 'Co', tags: ['a', 'b'], custom: { size: 1, password: 'old' }, at: new Date('2024-01-01T00:00:00Z'), updatedAt: 1 };
  const after = { name: 'B', company: 'Co', tags: ['a', 'b'], custom: { password: 'new', size: 1 }, at: new Date('2024-01-01T00:00:00Z'), updatedAt: 2 };
  expect(diffRecords(before, after, ['updatedAt'])).toEqual({ name: { before: 'A', after: 'B' } });
  expect(diffRecords({ custom: { size: 1, token: 'a' } }, { custom: { size: 2, token: 'b' } })).toEqual({ custom: { before: { size: 1 }, after: { size: 2 } } });
  expect(diffRecords({ ownerId: null }, { ownerId: 'u1' })).toEqual({ ownerId: { before: null, after: 'u1' } });
  expect(diffRecords(before, before)).toBeNull();
  expect(diffRecords(null, { name: 'x' })).toEqual({ name: { before: null, after: 'x' } });
});
