import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LeadDetailPage } from '../features/lead-detail/LeadDetailPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { AppLayout } from '../features/shell/AppLayout';
import { RequireModule } from '../features/shell/RequireModule';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { ChooseTenantPage } from './ChooseTenantPage';
import { HomeRedirect } from './HomeRedirect';
import { LoginPage } from './LoginPage';
import { RequireSession } from './RequireSession';

// The leads screens are in the main bundle (most users land there); the board, the dashboard and the settings
// screens load on first visit, so sign-in and the leads table do not wait for code most sessions never run.
const BoardPage = lazy(() => import('../features/board/BoardPage').then((m) => ({ default: m.BoardPage })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const MembersPage = lazy(() => import('../features/admin/MembersPage').then((m) => ({ default: m.MembersPage })));
const RolesPage = lazy(() => import('../features/admin/RolesPage').then((m) => ({ default: m.RolesPage })));
const StatusesPage = lazy(() => import('../features/admin/StatusesPage').then((m) => ({ default: m.StatusesPage })));
const FieldsPage = lazy(() => import('../features/admin/FieldsPage').then((m) => ({ default: m.FieldsPage })));
const TeamsPage = lazy(() => import('../features/admin/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const AuditPage = lazy(() => import('../features/admin/AuditPage').then((m) => ({ default: m.AuditPage })));

const guarded = (module: string, page: ReactNode) => (
  <RequireModule module={module}>
    <Suspense fallback={<p className="muted">Loading…</p>}>{page}</Suspense>
  </RequireModule>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/choose-tenant" element={<ChooseTenantPage />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="/leads" element={guarded('leads', <LeadsPage />)} />
        <Route path="/leads/:id" element={guarded('leads', <LeadDetailPage />)} />
        <Route path="/board" element={guarded('leads', <BoardPage />)} />
        <Route path="/dashboard" element={guarded('dashboard', <DashboardPage />)} />
        <Route path="/settings/members" element={guarded('settings.members', <MembersPage />)} />
        <Route path="/settings/roles" element={guarded('settings.roles', <RolesPage />)} />
        <Route path="/settings/statuses" element={guarded('settings.statuses', <StatusesPage />)} />
        <Route path="/settings/fields" element={guarded('settings.fields', <FieldsPage />)} />
        <Route path="/settings/teams" element={guarded('settings.teams', <TeamsPage />)} />
        <Route path="/settings/audit" element={guarded('settings.audit', <AuditPage />)} />
        <Route path="*" element={<p className="muted">No such page.</p>} />
      </Route>
    </Routes>
  );
}
