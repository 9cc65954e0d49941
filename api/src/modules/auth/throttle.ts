import { createHash } from 'node:crypto';
import type { Config } from '../../config/env';
import type { KeyValueStore } from '../../lib/kv';
import { AuthError, AuthErrorCode } from './auth.errors';

/**
 * Failed-login throttling per account and per client address, in Redis (shared by every API process) or in
 * process. Only failures count; a success clears the account's counter. Refusals say when to retry.
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

  /** Throws LOGIN_THROTTLED when either counter is at its limit. */
  async check(email: string, ip: string): Promise<void> {
    const [acct, byIp] = await Promise.all([this.peek(this.accountKey(email)), this.peek(this.ipKey(ip))]);
    const blocked = [
      acct && acct.count >= this.limits.perAccount ? acct.ttlMs : 0,
      byIp && byIp.count >= this.limits.perIp ? byIp.ttlMs : 0,
    ];
    const waitMs = Math.max(...blocked);
    if (waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AuthError(AuthErrorCode.LOGIN_THROTTLED, `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
        retryAt: new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const windowMs = this.limits.windowS * 1000;
    await Promise.all([this.kv.incr(this.accountKey(email), windowMs), this.kv.incr(this.ipKey(ip), windowMs)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.kv.del(this.accountKey(email));
  }

  private async peek(key: string): Promise<{ count: number; ttlMs: number } | null> {
    const raw = await this.kv.get(key);
    if (raw === null) return null;
    const ttl = await this.kv.ttl(key);
    return { count: Number(raw), ttlMs: ttl > 0 ? ttl : this.limits.windowS * 1000 };
  }
}
