// Placeholder until the screen lands.
export function FieldsPage() {
  return <h1>Custom fields</h1>;
}
