import type { RE2JS } from 're2js';
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
      if (def.pattern) return patternProblem(def.pattern, v);
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

/**
 * Patterns run on RE2JS, the linear-time engine the API uses (api/src/modules/custom-fields/pattern.ts, ADR 0013),
 * with the same steps: JavaScript syntax translated to RE2's, anchored, a named backreference refused before the
 * translation could turn it into a literal. A pattern a backtracking RegExp would take minutes over cannot freeze
 * the tab, and a value gets the same verdict here as on the server.
 *
 * The engine is ~48 KB gzipped: it loads in a chunk of its own, started when this module is first imported, so the
 * first paint does not wait for it. Until it is there, patterns are left to the server (the authority anyway).
 */
let engine: typeof RE2JS | undefined;
export const patternEngineReady: Promise<void> = import('re2js').then(
  (m) => {
    engine = m.RE2JS;
  },
  () => undefined,
);

const compiled = new Map<string, RE2JS | null>();

function anchored(re2: typeof RE2JS, pattern: string): RE2JS | null {
  let re = compiled.get(pattern);
  if (re !== undefined) return re;
  try {
    re = namedBackreference(pattern) ? null : re2.compile(`^(?:${re2.translateRegExp(pattern)})$`);
  } catch {
    re = null;
  }
  if (compiled.size >= 100) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** The API's message for a value its pattern refuses, or null (also while the engine is still loading). */
function patternProblem(pattern: string, value: string): string | null {
  if (!engine) return null;
  const re = anchored(engine, pattern);
  if (!re) return "cannot be checked: the field's pattern is no longer supported, an admin must change it";
  return re.test(value) ? null : `must match the pattern ${pattern}`;
}

/** Whether the pattern holds `\k` as an escape (not an escaped backslash followed by k). */
function namedBackreference(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    if (pattern[i + 1] === 'k') return true;
    i++;
  }
  return false;
}
