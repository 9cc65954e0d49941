// Placeholder until the screen lands.
export function BoardPage() {
  return <h1>Pipeline</h1>;
}
