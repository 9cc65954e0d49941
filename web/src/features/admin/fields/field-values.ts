import type { CreateCustomFieldInput, CustomFieldOptionInput, CustomFieldType, UpdateCustomFieldInput } from '../../../gql/graphql';

/** What the form edits: strings as typed, converted to the API's input only on submit. */
export interface FieldValues {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  /** One option per line: `value` or `value = Label`. */
  options: string;
  min: string;
  max: string;
  pattern: string;
}

export const FIELD_TYPES: { value: CustomFieldType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'select', label: 'Choice (one)' },
  { value: 'multiselect', label: 'Choices (several)' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'url', label: 'URL' },
];

/** Which constraints a type uses (CreateCustomFieldInput's descriptions): the form shows only those. */
export const usesOptions = (t: CustomFieldType) => t === 'select' || t === 'multiselect';
export const usesRange = (t: CustomFieldType) => t === 'text' || t === 'number' || t === 'multiselect';
export const usesPattern = (t: CustomFieldType) => t === 'text';

export const rangeMeaning: Partial<Record<CustomFieldType, string>> = {
  text: 'length in characters',
  number: 'value',
  multiselect: 'number of choices',
};

export const EMPTY_FIELD: FieldValues = { key: '', label: '', type: 'text', required: false, options: '', min: '', max: '', pattern: '' };

export function parseOptions(text: string): CustomFieldOptionInput[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      if (eq < 0) return { value: line };
      const value = line.slice(0, eq).trim();
      const label = line.slice(eq + 1).trim();
      return label && label !== value ? { value, label } : { value };
    });
}

export function formatOptions(options: readonly { value: string; label: string }[]): string {
  return options.map((o) => (o.label && o.label !== o.value ? `${o.value} = ${o.label}` : o.value)).join('\n');
}

/** The number typed (the inputs are type=number), or null when left empty. */
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** Only what the type uses is sent; empty constraints are left out (create has nothing to clear). */
export function toCreateInput(v: FieldValues): CreateCustomFieldInput {
  const input: CreateCustomFieldInput = { key: v.key.trim(), label: v.label.trim(), type: v.type, required: v.required };
  if (usesOptions(v.type)) input.options = parseOptions(v.options);
  if (usesRange(v.type)) {
    const min = num(v.min);
    const max = num(v.max);
    if (min !== null) input.min = min;
    if (max !== null) input.max = max;
  }
  if (usesPattern(v.type) && v.pattern.trim()) input.pattern = v.pattern;
  return input;
}

/** Every constraint is sent: null clears one the field had (or that its new type does not use). */
export function toUpdateInput(v: FieldValues): UpdateCustomFieldInput {
  return {
    label: v.label.trim(),
    type: v.type,
    required: v.required,
    options: usesOptions(v.type) ? parseOptions(v.options) : null,
    min: usesRange(v.type) ? num(v.min) : null,
    max: usesRange(v.type) ? num(v.max) : null,
    pattern: usesPattern(v.type) && v.pattern.trim() ? v.pattern : null,
  };
}
