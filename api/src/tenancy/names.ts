import { createHash } from 'node:crypto';
import { TenancyError, TenancyErrorCode } from './tenancy.errors';

/**
 * Slugs, schema names and role names. A schema or role name is only ever derived from a validated slug
 * and re-validated against a strict pattern before it is used in SQL: never built from request input.
 */

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
const SLUG_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SCHEMA_RE = /^t_[a-z][a-z0-9_]{1,39}$/;
const ROLE_RE = /^lp[0-9a-f]{8}_t_[a-z][a-z0-9_]{1,39}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names that would be confusing or dangerous as a subdomain or schema. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'app', 'assets', 'auth', 'cdn', 'control', 'dashboard', 'default', 'docs', 'graphql',
  'help', 'info', 'internal', 'leadplane', 'login', 'mail', 'postgres', 'public', 'root', 'static',
  'status', 'support', 'system', 'template', 'test', 'www', 'pg', 'information-schema',
]);

export function slugProblem(slug: string): string | null {
  if (typeof slug !== 'string') return 'must be a string';
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return `must be ${SLUG_MIN} to ${SLUG_MAX} characters long`;
  if (!SLUG_RE.test(slug)) return 'may hold lowercase letters, digits and single hyphens, starting with a letter';
  if (RESERVED_SLUGS.has(slug) || slug.startsWith('pg-')) return 'is reserved';
  return null;
}

export function assertValidSlug(slug: string): string {
  const problem = slugProblem(slug);
  if (problem) {
    throw new TenancyError(TenancyErrorCode.INVALID_SLUG, `Tenant slug "${String(slug).slice(0, 60)}" ${problem}`, {
      field: 'slug',
    });
  }
  return slug;
}

export function schemaNameForSlug(slug: string): string {
  return assertSchemaName(`t_${assertValidSlug(slug).replace(/-/g, '_')}`);
}

/**
 * Roles are cluster-wide while schemas are per database: the prefix carries a hash of the database name so
 * two databases on one server (dev and test, say) never share a tenant role.
 */
export function rolePrefixForDatabase(database: string): string {
  return `lp${createHash('sha256').update(database).digest('hex').slice(0, 8)}_`;
}

export function roleNameFor(prefix: string, schemaName: string): string {
  return assertRoleName(`${prefix}${assertSchemaName(schemaName)}`);
}

export function assertSchemaName(name: string): string {
  if (!SCHEMA_RE.test(name)) throw new Error(`Refusing invalid tenant schema name: ${JSON.stringify(name)}`);
  return name;
}

export function assertRoleName(name: string): string {
  if (!ROLE_RE.test(name)) throw new Error(`Refusing invalid tenant role name: ${JSON.stringify(name)}`);
  return name;
}

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

export function assertUuid(value: string): string {
  if (!isUuid(value)) throw new Error(`Refusing invalid uuid: ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/**
 * A string constant for SQL sent without parameters (a multi-statement simple query cannot carry any): only for
 * values that already passed one of the validators above, and it refuses anything a pattern would never let through.
 */
export function sqlLiteral(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error(`Refusing to inline ${JSON.stringify(value)} in SQL`);
  return `'${value}'`;
}

/** Double-quotes an identifier that already passed one of the validators above. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
