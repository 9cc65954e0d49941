import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from '../../config/env';
import { UnauthenticatedError } from '../../graphql/errors';

/** The algorithm is pinned: tokens signed any other way (including `alg: none`) are refused. */
export const JWT_ALGORITHM = 'HS256' as const;

/**
 * The signing key as a KeyObject, built once per secret. Given a string, jsonwebtoken first tries (and fails)
 * to parse it as a public key on every verify: about 5% of a list request's CPU in the first benchmark.
 */
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id */
  sid: string;
  /** tenant id, absent until a tenant is chosen */
  tid?: string;
}

export function signAccessToken(cfg: Config['jwt'], claims: AccessClaims): { token: string; expiresAt: Date } {
  const payload: Record<string, string> = { sid: claims.sid };
  if (claims.tid) payload.tid = claims.tid;
  const token = jwt.sign(payload, keyFor(cfg.secret), {
    algorithm: JWT_ALGORITHM,
    subject: claims.sub,
    issuer: cfg.issuer,
    audience: cfg.audience,
    expiresIn: cfg.accessTtlS,
  });
  return { token, expiresAt: new Date(Date.now() + cfg.accessTtlS * 1000) };
}

interface Verified {
  claims: AccessClaims;
  /** The token's `exp`, in seconds since the epoch, as jsonwebtoken compares it. */
  exp: number;
}

/**
 * Tokens already verified, per JWT configuration (secret, issuer, audience), by their exact text: a client sends the
 * same token with every request until it refreshes, and checking its HMAC, decoding its JSON and its claims each
 * time was 6 % of a lead(id) request's CPU (bench/results/levers.md, round 7). Only a string that passed every check
 * is remembered, so nothing can be forged through here; expiry is still checked on every use (then the token goes
 * through jwt.verify again, which refuses it). Whether its session is still live is not a property of the token and
 * is checked per request as before (SessionService, ADR 0010). Bounded; the oldest entries go first.
 */
const verified = new WeakMap<Config['jwt'], Map<string, Verified>>();
const MAX_VERIFIED = 10_000;

/** Verifies signature, algorithm, expiry, issuer and audience; every failure is UNAUTHENTICATED. */
export function verifyAccessToken(cfg: Config['jwt'], token: string): AccessClaims {
  let memo = verified.get(cfg);
  if (!memo) verified.set(cfg, (memo = new Map()));
  const hit = memo.get(token);
  if (hit && Math.floor(Date.now() / 1000) < hit.exp) return hit.claims;
  if (hit) memo.delete(token);
  const claims = verifyJwt(cfg, token);
  if (memo.size >= MAX_VERIFIED) memo.delete(memo.keys().next().value!);
  memo.set(token, claims);
  return claims.claims;
}

function verifyJwt(cfg: Config['jwt'], token: string): Verified {
  let decoded: jwt.JwtPayload | string;
  try {
    decoded = jwt.verify(token, keyFor(cfg.secret), {
      algorithms: [JWT_ALGORITHM],
      issuer: cfg.issuer,
      audience: cfg.audience,
    });
  } catch (err) {
    const reason = err instanceof jwt.TokenExpiredError ? 'Access token expired' : 'Invalid access token';
    throw new UnauthenticatedError(reason);
  }
  if (typeof decoded === 'string' || typeof decoded.sub !== 'string' || typeof decoded.sid !== 'string') {
    throw new UnauthenticatedError('Invalid access token');
  }
  if (decoded.tid !== undefined && typeof decoded.tid !== 'string') throw new UnauthenticatedError('Invalid access token');
  if (typeof decoded.exp !== 'number') throw new UnauthenticatedError('Invalid access token'); // we always sign one
  return { claims: Object.freeze({ sub: decoded.sub, sid: decoded.sid, tid: decoded.tid as string | undefined }), exp: decoded.exp };
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
  return m[1]!;
}
