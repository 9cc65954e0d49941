// Placeholder until the screen lands.
export function TeamsPage() {
  return <h1>Teams</h1>;
}
