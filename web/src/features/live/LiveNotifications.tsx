// Placeholder until live notifications land.
export function LiveNotifications() {
  return null;
}
