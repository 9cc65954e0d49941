// Placeholder until the screen lands.
export function LeadDetailPage() {
  return <h1>Lead</h1>;
}
