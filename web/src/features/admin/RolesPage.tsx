// Placeholder until the screen lands.
export function RolesPage() {
  return <h1>Roles & permissions</h1>;
}
