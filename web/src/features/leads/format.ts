import type { CustomFieldDef } from '../lead-detail/CustomFieldInput';

export function formatMoney(value: number | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      // An unknown code still shows the number.
    }
  }
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value) + (currency ? ` ${currency}` : '');
}

/** A custom value as a cell shows it: option labels rather than their stored values. */
export function formatCustomValue(def: Pick<CustomFieldDef, 'type' | 'options'>, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  const label = (x: unknown) => def.options.find((o) => o.value === x)?.label ?? String(x);
  switch (def.type) {
    case 'boolean':
      return v === true ? 'Yes' : 'No';
    case 'select':
      return label(v);
    case 'multiselect':
      return Array.isArray(v) ? v.map(label).join(', ') : String(v);
    case 'number':
      return typeof v === 'number' ? new Intl.NumberFormat().format(v) : String(v);
    default:
      return String(v);
  }
}
