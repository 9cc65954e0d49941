// Placeholder until the screen lands.
export function DashboardPage() {
  return <h1>Dashboard</h1>;
}
