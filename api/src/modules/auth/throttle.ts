import { createHash } from 'node:crypto';
import type { Config } from '../../config/env';
import type { KeyValueStore } from '../../lib/kv';
import { AuthError, AuthErrorCode } from './auth.errors';

/**
 * Failed-login throttling per account and per client address, in Redis (shared by every API process) or in
 * process. An account's attempts count until one succeeds (which clears them); an address counts its failures.
 * Refusals say when to retry.
 */
export class LoginThrottle {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly prefix: string,
    private readonly limits: Config['throttle'],
  ) {}

  private accountKey(email: string) {
    return `${this.prefix}throttle:login:acct:${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32)}`;
  }
  private ipKey(ip: string) {
    return `${this.prefix}throttle:login:ip:${ip}`;
  }

  /**
   * Call before the password is verified; throws LOGIN_THROTTLED when the address or the account is at its limit.
   * The account's attempt is counted here, atomically (INCR), not after the slow argon2 check: otherwise a burst
   * of concurrent guesses all pass a check that none of them has been counted against yet. A success clears it.
   */
  async reserve(email: string, ip: string): Promise<void> {
    const byIp = await this.peek(this.ipKey(ip));
    if (byIp && byIp.count >= this.limits.perIp) throw this.throttled(byIp.ttlMs);
    const acct = await this.kv.incr(this.accountKey(email), this.limits.windowS * 1000);
    if (acct.count > this.limits.perAccount) throw this.throttled(acct.ttlMs > 0 ? acct.ttlMs : this.limits.windowS * 1000);
  }

  /** A wrong password: the account attempt taken by reserve() stays counted; the address counts one failure. */
  async recordFailure(ip: string): Promise<void> {
    await this.kv.incr(this.ipKey(ip), this.limits.windowS * 1000);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.kv.del(this.accountKey(email));
  }

  private throttled(waitMs: number): AuthError {
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new AuthError(AuthErrorCode.LOGIN_THROTTLED, `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      retryAt: new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
    });
  }

  private async peek(key: string): Promise<{ count: number; ttlMs: number } | null> {
    const raw = await this.kv.get(key);
    if (raw === null) return null;
    const ttl = await this.kv.ttl(key);
    return { count: Number(raw), ttlMs: ttl > 0 ? ttl : this.limits.windowS * 1000 };
  }
}
