import type { CustomFieldType } from '../../gql/graphql';

/**
 * The API's checks of custom values (api/src/modules/custom-fields/custom-field.validation.ts, `normalise` and
 * the required check), repeated here with the SAME message texts so a user sees the problem before saving and
 * reads the same words whether the browser or the server found it. The server stays the authority: anything
 * this misses comes back in `extensions.fields` and is shown the same way.
 */
export interface FieldRule {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  min?: number | null;
  max?: number | null;
  pattern?: string | null;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export type CustomInputValue = string | boolean | string[];

const MAX_TEXT_LENGTH = 2000;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const PHONE_RE = /^\+?[0-9 ().-]{4,30}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isEmptyValue(v: CustomInputValue | null | undefined): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The message the API would give for this value, or null when it would accept it. */
export function customFieldProblem(def: FieldRule, raw: CustomInputValue | null | undefined): string | null {
  if (isEmptyValue(raw)) return def.required ? `${def.label} is required` : null;
  const min = def.min ?? null;
  const max = def.max ?? null;
  switch (def.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url': {
      if (typeof raw !== 'string') return 'must be a string';
      const v = raw.trim();
      if (v.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters`;
      if (def.type === 'email' && !EMAIL_RE.test(v)) return 'must be a valid email address';
      if (def.type === 'phone' && !PHONE_RE.test(v)) return 'must be a valid phone number';
      if (def.type === 'url' && !isHttpUrl(v)) return 'must be an http(s) URL';
      if (min !== null && v.length < min) return `must be at least ${min} characters`;
      if (max !== null && v.length > max) return `must be at most ${max} characters`;
      if (def.pattern && !matchesWhole(def.pattern, v)) return `must match the pattern ${def.pattern}`;
      return null;
    }
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return 'must be a number';
      if (min !== null && n < min) return `must be at least ${min}`;
      if (max !== null && n > max) return `must be at most ${max}`;
      return null;
    }
    case 'date': {
      if (typeof raw !== 'string' || !DATE_RE.test(raw) || raw.startsWith('0000') || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) {
        return 'must be a date as YYYY-MM-DD';
      }
      return null;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? null : 'must be true or false';
    case 'select':
      return typeof raw === 'string' && def.options.some((o) => o.value === raw) ? null : `must be one of: ${def.options.map((o) => o.value).join(', ')}`;
    case 'multiselect': {
      if (!Array.isArray(raw)) return 'must be a list of option values';
      const bad = raw.filter((x) => !def.options.some((o) => o.value === x));
      if (bad.length) return `unknown options: ${bad.join(', ')}`;
      const unique = new Set(raw).size;
      if (min !== null && unique < min) return `choose at least ${min}`;
      if (max !== null && unique > max) return `choose at most ${max}`;
      return null;
    }
  }
  return null;
}

/** The JSON value the API stores for a form value; '' and [] clear the key (null). */
export function toApiValue(def: FieldRule, v: CustomInputValue | undefined): unknown {
  if (v === undefined || isEmptyValue(v)) return null;
  if (def.type === 'number' && typeof v === 'string') return Number(v);
  if (typeof v === 'string') return v.trim();
  return v;
}

/** The form value for a stored JSON value. */
export function fromApiValue(def: FieldRule, stored: unknown): CustomInputValue {
  if (stored === undefined || stored === null) return def.type === 'multiselect' ? [] : def.type === 'boolean' ? false : '';
  if (def.type === 'boolean') return stored === true;
  if (def.type === 'multiselect') return Array.isArray(stored) ? stored.map(String) : [];
  return String(stored);
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return false;
  }
}
