/**
 * A suggested key for a label ("Next call" → "next_call"), matching the API's ^[a-z][a-z0-9_]{0,39}$ for status
 * and custom-field keys. Only a suggestion: the user may type their own, and the API still validates it.
 */
export function keyFromLabel(label: string): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return base.slice(0, 40).replace(/_+$/, '');
}
