import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../auth/auth-client';
import { useAuth } from '../auth/AuthProvider';
import { messageFor } from '../lib/errors';

/** After sign-in, for users who belong to several workspaces (or none yet). */
export function ChooseTenantPage() {
  const { auth, session } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const next = (location.state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (!session) return <Navigate to="/login" replace />;
  const active = session.memberships.filter((m) => m.status === 'active');

  async function choose(slug: string) {
    setBusy(slug);
    setError(null);
    try {
      await auth.switchTenant(slug);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? messageFor(err.code, err.message) : 'Could not open that workspace.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>Choose a workspace</h1>
        {active.length === 0 ? (
          <p>You do not belong to an active workspace yet. Ask an admin for an invitation.</p>
        ) : (
          <ul className="tenant-list" aria-label="Your workspaces">
            {active.map((m) => (
              <li key={m.slug}>
                <button type="button" className="secondary wide" disabled={busy !== null} onClick={() => choose(m.slug)}>
                  <strong>{m.name}</strong> <span className="muted">{m.slug}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="link" onClick={() => void auth.logout()}>
          Sign in as someone else
        </button>
      </div>
    </div>
  );
}
