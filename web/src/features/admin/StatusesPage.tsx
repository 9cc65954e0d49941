// Placeholder until the screen lands.
export function StatusesPage() {
  return <h1>Statuses & workflow</h1>;
}
