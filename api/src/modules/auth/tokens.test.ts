import jwt from 'jsonwebtoken';
import type { Config } from '../../config/env';
import { signAccessToken, verifyAccessToken } from './tokens';

/**
 * Access tokens are verified once per process and remembered by their exact text (tokens.ts). What must hold: a
 * remembered token answers exactly what verifying it answered; it stops being accepted at its expiry; it answers
 * nothing under another secret, issuer or audience; and a token that failed is never remembered as valid.
 */
const cfg = (over: Partial<Config['jwt']> = {}): Config['jwt'] => ({
  secret: 'a'.repeat(40),
  issuer: 'leadplane',
  audience: 'leadplane-api',
  accessTtlS: 900,
  refreshTtlS: 86_400,
  ...over,
});

test('the same token answers the same claims, verified or remembered', () => {
  const c = cfg();
  const { token } = signAccessToken(c, { sub: 'u1', sid: 's1', tid: 't1' });
  const first = verifyAccessToken(c, token);
  expect(first).toEqual({ sub: 'u1', sid: 's1', tid: 't1' });
  expect(verifyAccessToken(c, token)).toEqual(first);
  expect(Object.isFrozen(first)).toBe(true); // shared between requests: nobody may change it
});

test('a remembered token is refused once it expires', async () => {
  const c = cfg({ accessTtlS: 1 });
  const { token } = signAccessToken(c, { sub: 'u1', sid: 's1' });
  expect(verifyAccessToken(c, token).sub).toBe('u1');
  const { exp } = jwt.decode(token) as { exp: number };
  await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
  expect(() => verifyAccessToken(c, token)).toThrow('Access token expired');
  expect(() => verifyAccessToken(c, token)).toThrow('Access token expired'); // and stays refused
});

test('remembered under one configuration, refused under another secret, issuer or audience', () => {
  const c = cfg();
  const { token } = signAccessToken(c, { sub: 'u1', sid: 's1' });
  verifyAccessToken(c, token);
  for (const other of [cfg({ secret: 'b'.repeat(40) }), cfg({ issuer: 'someone-else' }), cfg({ audience: 'another-api' })]) {
    expect(() => verifyAccessToken(other, token)).toThrow('Invalid access token');
  }
  expect(verifyAccessToken(c, token).sub).toBe('u1');
});

test('a token that failed is not remembered, and a forged one never matches a remembered one', () => {
  const c = cfg();
  const { token } = signAccessToken(c, { sub: 'u1', sid: 's1' });
  verifyAccessToken(c, token);
  const [header, , signature] = token.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ ...(jwt.decode(token) as object), sub: 'admin' })).toString('base64url');
  expect(() => verifyAccessToken(c, `${header}.${forgedPayload}.${signature}`)).toThrow('Invalid access token');
  expect(() => verifyAccessToken(c, `${header}.${forgedPayload}.${signature}`)).toThrow('Invalid access token');
  // Without an expiry (we always sign one), even with the right secret: refused.
  const noExp = jwt.sign({ sid: 's1' }, c.secret, { algorithm: 'HS256', subject: 'u1', issuer: c.issuer, audience: c.audience });
  expect(() => verifyAccessToken(c, noExp)).toThrow('Invalid access token');
});
