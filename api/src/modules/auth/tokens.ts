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

/** Verifies signature, algorithm, expiry, issuer and audience; every failure is UNAUTHENTICATED. */
export function verifyAccessToken(cfg: Config['jwt'], token: string): AccessClaims {
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
  return { sub: decoded.sub, sid: decoded.sid, tid: decoded.tid as string | undefined };
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
  return m[1]!;
}
