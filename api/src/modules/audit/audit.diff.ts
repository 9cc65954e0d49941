/**
 * What an audit entry may hold: plain JSON, without secrets, of bounded size. Pure functions, tested without a
 * database (audit.sanitize.test.ts).
 */

/** Only the keys that changed: { field: { before, after } }. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Keys whose values are never stored: passwords, tokens, secrets, keys, credentials (any casing, any position). */
const SECRET_KEY = /pass(word|phrase|wd)?|secret|token|api_?key|authori[sz]ation|credential|private_?key|cookie|signature|hash$|otp$/i;

export const LIMITS = {
  string: 500,
  array: 50,
  keys: 50,
  depth: 6,
  /** Serialized size of the whole args object; beyond it only the top-level keys are kept. */
  bytes: 8192,
} as const;

/** A JSON-safe copy of a value: dates as ISO strings, no functions or undefined, nothing cyclic. */
export function toJson(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return null;
  if (Buffer.isBuffer(value)) return '[binary]';
  if (depth >= 32) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[k] = toJson(v, depth + 1);
  return out;
}

/** JSON text with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The keys whose values differ between two snapshots of a record (a missing snapshot counts as all-null),
 * ignoring `ignore` (timestamps that change on every write). Secret-like keys are left out at any depth. Null when
 * nothing changed.
 */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  ignore: readonly string[] = [],
): FieldChanges | null {
  // Secrets go before comparing: a change to a secret alone (a custom field named `password`) shows as none.
  const b = dropSecrets(toJson(before ?? {})) as Record<string, unknown>;
  const a = dropSecrets(toJson(after ?? {})) as Record<string, unknown>;
  const out: FieldChanges = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (ignore.includes(key)) continue;
    const [was, now] = [b[key] ?? null, a[key] ?? null];
    if (canonical(was) !== canonical(now)) out[key] = { before: cap(was, 1), after: cap(now, 1) };
  }
  return Object.keys(out).length ? out : null;
}

/** Mutation arguments as stored: secret-like keys dropped, strings, arrays and nesting capped, total size bounded. */
export function sanitizeArgs(args: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const clean = (cap(dropSecrets(toJson(args ?? {})), 0) ?? {}) as Record<string, unknown>;
  const bytes = Buffer.byteLength(JSON.stringify(clean));
  if (bytes <= LIMITS.bytes) return clean;
  return { $truncated: true, $bytes: bytes, $keys: Object.keys(clean).slice(0, LIMITS.keys) };
}

function dropSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k)) out[k] = dropSecrets(v);
    return out;
  }
  return value;
}

function cap(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > LIMITS.string ? `${value.slice(0, LIMITS.string)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= LIMITS.depth) return '[…]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, LIMITS.array).map((v) => cap(v, depth + 1));
    return value.length > LIMITS.array ? [...kept, `…${value.length - LIMITS.array} more`] : kept;
  }
  const entries = Object.entries(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries.slice(0, LIMITS.keys)) out[k.slice(0, 100)] = cap(v, depth + 1);
  if (entries.length > LIMITS.keys) out.$more = entries.length - LIMITS.keys;
  return out;
}
