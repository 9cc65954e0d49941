import type { ReactNode } from 'react';
import { usePermissions } from '../../auth/permissions';

/** Shows a route only to members whose permissions unlock its module; the API refuses the data anyway. */
export function RequireModule({ module, children }: { module: string; children: ReactNode }) {
  const { hasModule, loading } = usePermissions();
  if (loading) return <p className="muted">Loading…</p>;
  if (!hasModule(module)) {
    return (
      <div className="empty" role="alert">
        <h1>No access</h1>
        <p>Your roles in this workspace do not include this module.</p>
      </div>
    );
  }
  return <>{children}</>;
}
