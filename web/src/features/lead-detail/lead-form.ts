import type { CreateLeadInput, UpdateLeadInput } from '../../gql/graphql';
import type { CustomFieldDef } from './CustomFieldInput';
import { customFieldProblem, fromApiValue, isEmptyValue, toApiValue, type CustomInputValue } from './custom-field-rules';

/** The standard fields of a lead the form edits, as the text the inputs hold. */
export const STANDARD_FIELDS = ['name', 'company', 'email', 'phone', 'value', 'currency', 'source', 'tags', 'teamId'] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export interface LeadFormValues {
  std: Record<StandardField, string>;
  custom: Record<string, CustomInputValue>;
}

/** Field errors keyed like the API's `extensions.fields[].field`: `name`, `email`, `customFields.<key>`. */
export type FieldErrors = Record<string, string>;

export interface LeadLike {
  name?: string | null;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  value?: number | null;
  currency?: string | null;
  source?: string | null;
  tags?: ReadonlyArray<string> | null;
  team?: { id: string } | null;
  customFields?: Record<string, unknown> | null;
}

export function initialValues(lead: LeadLike | null, defs: ReadonlyArray<CustomFieldDef>): LeadFormValues {
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    std: {
      name: str(lead?.name),
      company: str(lead?.company),
      email: str(lead?.email),
      phone: str(lead?.phone),
      value: str(lead?.value),
      currency: str(lead?.currency),
      source: str(lead?.source),
      tags: (lead?.tags ?? []).join(', '),
      teamId: lead?.team?.id ?? '',
    },
    custom: Object.fromEntries(defs.map((d) => [d.key, fromApiValue(d, lead?.customFields?.[d.key])])),
  };
}

const PHONE_RE = /^\+?[0-9 ().-]{4,30}$/;

/**
 * The checks the API makes on the fields being sent, with its messages (class-validator's for the standard
 * fields, lead.service's for the name, custom-field.validation's for custom values). Only changed fields are
 * checked on update, as the API only checks the keys it is given.
 */
export function validateLeadForm(values: LeadFormValues, initial: LeadFormValues | null, defs: ReadonlyArray<CustomFieldDef>): FieldErrors {
  const errors: FieldErrors = {};
  const changed = (f: StandardField) => !initial || initial.std[f] !== values.std[f];
  const { std } = values;
  if (changed('name') && !std.name.trim()) errors.name = 'cannot be empty';
  if (changed('phone') && std.phone.trim() && !PHONE_RE.test(std.phone.trim())) errors.phone = 'phone must be a phone number';
  if (changed('currency') && std.currency.trim() && !/^[A-Z]{3}$/.test(std.currency.trim())) errors.currency = 'currency must be a 3-letter ISO code';
  if (changed('value') && std.value.trim()) {
    const n = Number(std.value);
    if (!Number.isFinite(n)) errors.value = 'value must be a number conforming to the specified constraints';
    else if (n < 0) errors.value = 'value must not be less than 0';
  }
  for (const def of defs) {
    const v = values.custom[def.key];
    if (initial && sameValue(initial.custom[def.key], v)) continue;
    const problem = customFieldProblem(def, v);
    if (problem) errors[`customFields.${def.key}`] = problem;
  }
  return errors;
}

function sameValue(a: CustomInputValue | undefined, b: CustomInputValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const tagsOf = (s: string) => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))];

/** Only what changed: the API merges custom values and leaves omitted fields alone. */
export function toUpdateInput(values: LeadFormValues, initial: LeadFormValues, defs: ReadonlyArray<CustomFieldDef>): UpdateLeadInput {
  const input: UpdateLeadInput = {};
  const s = values.std;
  const changed = (f: StandardField) => initial.std[f] !== s[f];
  if (changed('name')) input.name = s.name.trim();
  if (changed('company')) input.company = orNull(s.company);
  if (changed('email')) input.email = orNull(s.email);
  if (changed('phone')) input.phone = orNull(s.phone);
  if (changed('source')) input.source = orNull(s.source);
  if (changed('currency')) input.currency = orNull(s.currency);
  if (changed('value')) input.value = s.value.trim() === '' ? null : Number(s.value);
  if (changed('tags')) input.tags = tagsOf(s.tags);
  if (changed('teamId')) input.teamId = s.teamId || null;
  const custom: Record<string, unknown> = {};
  for (const def of defs) {
    if (!sameValue(initial.custom[def.key], values.custom[def.key])) custom[def.key] = toApiValue(def, values.custom[def.key]);
  }
  if (Object.keys(custom).length) input.customFields = custom;
  return input;
}

export function toCreateInput(values: LeadFormValues, defs: ReadonlyArray<CustomFieldDef>, extra: { statusId?: string; ownerId?: string }): CreateLeadInput {
  const s = values.std;
  const input: CreateLeadInput = { name: s.name.trim() };
  if (s.company.trim()) input.company = s.company.trim();
  if (s.email.trim()) input.email = s.email.trim();
  if (s.phone.trim()) input.phone = s.phone.trim();
  if (s.source.trim()) input.source = s.source.trim();
  if (s.currency.trim()) input.currency = s.currency.trim();
  if (s.value.trim()) input.value = Number(s.value);
  if (s.tags.trim()) input.tags = tagsOf(s.tags);
  if (s.teamId) input.teamId = s.teamId;
  if (extra.statusId) input.statusId = extra.statusId;
  if (extra.ownerId) input.ownerId = extra.ownerId;
  const custom: Record<string, unknown> = {};
  for (const def of defs) {
    const v = values.custom[def.key];
    // An unticked optional checkbox means "not answered", not false.
    if (isEmptyValue(v) || (v === false && !def.required)) continue;
    custom[def.key] = toApiValue(def, v);
  }
  if (Object.keys(custom).length) input.customFields = custom;
  return input;
}
