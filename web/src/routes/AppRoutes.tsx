import { Route, Routes } from 'react-router';
import { AuditPage } from '../features/admin/AuditPage';
import { FieldsPage } from '../features/admin/FieldsPage';
import { MembersPage } from '../features/admin/MembersPage';
import { RolesPage } from '../features/admin/RolesPage';
import { StatusesPage } from '../features/admin/StatusesPage';
import { TeamsPage } from '../features/admin/TeamsPage';
import { BoardPage } from '../features/board/BoardPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { LeadDetailPage } from '../features/lead-detail/LeadDetailPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { AppLayout } from '../features/shell/AppLayout';
import { RequireModule } from '../features/shell/RequireModule';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { ChooseTenantPage } from './ChooseTenantPage';
import { HomeRedirect } from './HomeRedirect';
import { LoginPage } from './LoginPage';
import { RequireSession } from './RequireSession';

const guarded = (module: string, page: React.ReactNode) => <RequireModule module={module}>{page}</RequireModule>;

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
