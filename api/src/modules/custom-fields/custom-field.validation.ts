import type { FieldProblem } from '../../graphql/errors';
import { patternProblem, valueProblem } from './pattern';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'boolean', 'email', 'phone', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  options: Array<{ value: string; label: string }>;
  min: number | null;
  max: number | null;
  pattern: string | null;
  position: number;
}

export const MAX_TEXT_LENGTH = 2000;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const PHONE_RE = /^\+?[0-9 ().-]{4,30}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export type CustomValues = Record<string, unknown>;

/**
 * Validates the custom values of a lead against the tenant's definitions and returns them normalised.
 * `patch` semantics: on update only the keys given are checked and merged; `null` clears a value.
 * Keys without a definition are refused. A value stored for a definition that was later removed is kept
 * untouched in the row (never corrupted) and simply no longer exposed.
 */
export function validateCustomValues(
  defs: CustomFieldDefinition[],
  input: CustomValues | null | undefined,
  mode: { existing?: CustomValues; creating: boolean },
): { values: CustomValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    return { values: {}, problems: [{ field: 'customFields', message: 'must be an object of field key to value' }] };
  }
  const merged: CustomValues = { ...(mode.existing ?? {}) };
  for (const [key, raw] of Object.entries(given)) {
    const def = byKey.get(key);
    const field = `customFields.${key}`;
    if (!def) {
      problems.push({ field, message: 'is not a custom field of this tenant' });
      continue;
    }
    if (raw === null || raw === undefined || raw === '') {
      delete merged[key];
      continue;
    }
    const res = normalise(def, raw);
    if ('problem' in res) problems.push({ field, message: res.problem });
    else merged[key] = res.value;
  }
  for (const def of defs) {
    if (!def.required) continue;
    const present = merged[def.key] !== undefined && !(Array.isArray(merged[def.key]) && (merged[def.key] as unknown[]).length === 0);
    const touched = mode.creating || Object.prototype.hasOwnProperty.call(given, def.key);
    if (!present && touched) problems.push({ field: `customFields.${def.key}`, message: `${def.label} is required` });
  }
  return { values: merged, problems };
}

function normalise(def: CustomFieldDefinition, raw: unknown): { value: unknown } | { problem: string } {
  switch (def.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url': {
      if (typeof raw !== 'string') return { problem: 'must be a string' };
      const v = raw.trim();
      if (v.length > MAX_TEXT_LENGTH) return { problem: `must be at most ${MAX_TEXT_LENGTH} characters` };
      if (def.type === 'email' && !EMAIL_RE.test(v)) return { problem: 'must be a valid email address' };
      if (def.type === 'phone' && !PHONE_RE.test(v)) return { problem: 'must be a valid phone number' };
      if (def.type === 'url' && !isHttpUrl(v)) return { problem: 'must be an http(s) URL' };
      if (def.min !== null && v.length < def.min) return { problem: `must be at least ${def.min} characters` };
      if (def.max !== null && v.length > def.max) return { problem: `must be at most ${def.max} characters` };
      const refused = def.pattern ? valueProblem(def.pattern, v) : null;
      if (refused) return { problem: refused };
      return { value: v };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return { problem: 'must be a number' };
      if (def.min !== null && n < def.min) return { problem: `must be at least ${def.min}` };
      if (def.max !== null && n > def.max) return { problem: `must be at most ${def.max}` };
      return { value: n };
    }
    case 'date': {
      if (typeof raw !== 'string' || !DATE_RE.test(raw) || raw.startsWith('0000') || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) {
        return { problem: 'must be a date as YYYY-MM-DD' };
      }
      return { value: raw };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { problem: 'must be true or false' };
    case 'select': {
      if (typeof raw !== 'string' || !def.options.some((o) => o.value === raw)) return { problem: `must be one of: ${def.options.map((o) => o.value).join(', ')}` };
      return { value: raw };
    }
    case 'multiselect': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return { problem: 'must be a list of option values' };
      const bad = raw.filter((x) => !def.options.some((o) => o.value === x));
      if (bad.length) return { problem: `unknown options: ${bad.join(', ')}` };
      const unique = [...new Set(raw as string[])];
      if (def.min !== null && unique.length < def.min) return { problem: `choose at least ${def.min}` };
      if (def.max !== null && unique.length > def.max) return { problem: `choose at most ${def.max}` };
      return { value: unique };
    }
  }
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Only the values of fields that are defined now are exposed. */
export function visibleCustomValues(defs: CustomFieldDefinition[], stored: CustomValues | null | undefined): CustomValues {
  const out: CustomValues = {};
  for (const d of defs) if (stored && stored[d.key] !== undefined) out[d.key] = stored[d.key];
  return out;
}

/* ---- Definitions: what an admin may save as a field of the form. ---- */

export const FIELD_KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_OPTIONS = 100;
export const MAX_PATTERN_LENGTH = 200;
const OPTION_TYPES: ReadonlySet<string> = new Set(['select', 'multiselect']);
/** min / max bound the length of these, the value of numbers, the count of multiselect choices. */
const STRING_TYPES: ReadonlySet<string> = new Set(['text', 'email', 'phone', 'url']);
const BOUNDED_TYPES: ReadonlySet<string> = new Set([...STRING_TYPES, 'number', 'multiselect']);

export type DefinitionDraft = Pick<CustomFieldDefinition, 'key' | 'label' | 'options' | 'min' | 'max' | 'pattern'> & { type: string };

/** Which of the constraints a type uses; the others must be empty. */
export function constraintsOf(type: string): { options: boolean; bounds: boolean; pattern: boolean } {
  return { options: OPTION_TYPES.has(type), bounds: BOUNDED_TYPES.has(type), pattern: STRING_TYPES.has(type) };
}

/** Every problem of a definition as it would be saved, each naming its input field. */
export function definitionProblems(d: DefinitionDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!FIELD_KEY_RE.test(d.key)) add('key', 'must start with a lowercase letter and hold at most 40 lowercase letters, digits or underscores');
  if (d.label.length < 1 || d.label.length > 100) add('label', 'must be 1 to 100 characters');
  if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(d.type)) {
    add('type', `must be one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
    return problems;
  }
  const uses = constraintsOf(d.type);
  if (uses.options) {
    if (d.options.length < 1 || d.options.length > MAX_OPTIONS) add('options', `must hold 1 to ${MAX_OPTIONS} options`);
    const seen = new Set<string>();
    d.options.forEach((o, i) => {
      if (!o.value || o.value.length > 100) return add(`options.${i}.value`, 'must be 1 to 100 characters');
      if (seen.has(o.value)) add(`options.${i}.value`, `"${o.value}" is listed twice`);
      seen.add(o.value);
      if (!o.label || o.label.length > 100) add(`options.${i}.label`, 'must be 1 to 100 characters');
    });
  } else if (d.options.length) add('options', `${d.type} fields have no options`);
  for (const f of ['min', 'max'] as const) {
    const v = d[f];
    if (v === null) continue;
    if (!uses.bounds) add(f, `does not apply to ${d.type} fields`);
    else if (!Number.isFinite(v)) add(f, 'must be a finite number');
    else if (d.type !== 'number' && (!Number.isInteger(v) || v < 0)) add(f, `must be a whole number of ${d.type === 'multiselect' ? 'choices' : 'characters'}`);
  }
  if (d.min !== null && d.max !== null && d.min > d.max) add('min', 'must not be greater than max');
  if (d.pattern !== null) {
    if (!uses.pattern) add('pattern', `does not apply to ${d.type} fields`);
    else if (d.pattern.length < 1 || d.pattern.length > MAX_PATTERN_LENGTH) add('pattern', `must be 1 to ${MAX_PATTERN_LENGTH} characters`);
    else {
      const problem = patternProblem(d.pattern);
      if (problem) add('pattern', problem);
    }
  }
  return problems;
}

/** The JSON type a field's values are stored as: values left by a deleted definition of another type clash. */
export function storedJsonType(type: CustomFieldType): 'string' | 'number' | 'boolean' | 'array' {
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'multiselect') return 'array';
  return 'string';
}
