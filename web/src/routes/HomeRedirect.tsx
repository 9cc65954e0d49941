import { Navigate } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { homePath } from '../features/shell/navigation';

export function HomeRedirect() {
  const { hasModule, loading } = usePermissions();
  if (loading) return <p className="muted">Loading…</p>;
  const to = homePath(hasModule);
  return to ? <Navigate to={to} replace /> : <p className="muted">Your roles give you no module in this workspace yet.</p>;
}
