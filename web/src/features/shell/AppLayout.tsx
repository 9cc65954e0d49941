import { Outlet, useNavigate } from 'react-router';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { PermissionsProvider, usePermissions } from '../../auth/permissions';
import { messageFor } from '../../lib/errors';
import { ApiError } from '../../auth/auth-client';
import { LiveNotifications } from '../live/LiveNotifications';
import { AppNav } from './AppNav';
import { useToast } from './toasts';

function TenantSwitcher() {
  const { auth, session } = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const others = (session?.memberships ?? []).filter((m) => m.status === 'active');
  if (!session?.tenant) return null;
  if (others.length < 2) return <span className="tenant-name">{session.tenant.name}</span>;
  return (
    <label className="tenant-switch">
      <span className="sr-only">Workspace</span>
      <select
        value={session.tenant.slug}
        disabled={busy}
        aria-label="Switch workspace"
        onChange={async (e) => {
          setBusy(true);
          try {
            await auth.switchTenant(e.target.value);
            navigate('/');
          } catch (err) {
            toast.show(err instanceof ApiError ? messageFor(err.code, err.message) : 'Could not switch workspace', { tone: 'error' });
          } finally {
            setBusy(false);
          }
        }}
      >
        {others.map((m) => (
          <option key={m.slug} value={m.slug}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function UserMenu() {
  const { auth } = useAuth();
  const { me } = usePermissions();
  const navigate = useNavigate();
  return (
    <div className="user-menu">
      <span className="muted" data-testid="current-user">
        {me?.name}
      </span>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          await auth.logout();
          navigate('/login');
        }}
      >
        Sign out
      </button>
    </div>
  );
}

/** The signed-in frame: header (workspace, user), permission-driven menu, live notifications, the page. */
export function AppLayout() {
  return (
    <PermissionsProvider>
      <div className="app">
        <header className="topbar">
          <a className="brand" href="/">
            Leadplane
          </a>
          <TenantSwitcher />
          <div className="spacer" />
          <UserMenu />
        </header>
        <AppNav />
        <main className="content">
          <Outlet />
        </main>
        <LiveNotifications />
      </div>
    </PermissionsProvider>
  );
}
