/** Each field of a row type and the column it is read from (a Record over the row's keys: none can be forgotten). */
export type FieldColumns<Row> = Readonly<Record<keyof Row & string, string>>;

/** A select list (or RETURNING list) giving each field its name: `column as "field"`, the column alone where they match. */
export function selectList(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([field, column]) => (field === column ? column : `${column} as "${field}"`))
    .join(', ');
}
