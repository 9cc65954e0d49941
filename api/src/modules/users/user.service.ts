import type { Queryable } from '../../db/control-db';
import { BadInputError } from '../../graphql/errors';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './password';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  is_platform_admin: boolean;
  password_hash: string | null;
  disabled_at: Date | null;
}

const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

export function normaliseEmail(email: string): string {
  const e = String(email ?? '').trim().toLowerCase();
  if (!EMAIL_RE.test(e) || e.length > 320) throw new BadInputError('Invalid email address', [{ field: 'email', message: 'must be a valid email address' }]);
  return e;
}

export function checkPassword(password: string, field = 'password'): void {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new BadInputError('Invalid password', [{ field, message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long` }]);
  }
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  return q.one<UserRow>(
    `select id, email, name, is_platform_admin, password_hash, disabled_at from control.users where lower(email) = lower($1)`,
    [email],
  );
}

/** Finds a user by email or creates one (with a password when given). */
export async function ensureUser(
  q: Queryable,
  input: { email: string; name?: string; password?: string; isPlatformAdmin?: boolean },
): Promise<{ user: UserRow; created: boolean }> {
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(q, email);
  if (existing) return { user: existing, created: false };
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  const name = (input.name ?? email.split('@')[0]!).trim().slice(0, 200) || email;
  const user = await q.one<UserRow>(
    `insert into control.users (email, name, password_hash, is_platform_admin) values ($1, $2, $3, $4)
     on conflict ((lower(email))) do update set updated_at = control.users.updated_at
     returning id, email, name, is_platform_admin, password_hash, disabled_at`,
    [email, name, passwordHash, input.isPlatformAdmin ?? false],
  );
  return { user: user!, created: true };
}

export class UserService {
  constructor(private readonly q: Queryable) {}
  byId(id: string): Promise<UserRow | null> {
    return this.q.one<UserRow>(
      `select id, email, name, is_platform_admin, password_hash, disabled_at from control.users where id = $1`,
      [id],
    );
  }
}
