import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { getFragmentData, graphql } from '../../gql';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import { useToast } from '../shell/toasts';
import { DeleteRoleDialog } from './roles/DeleteRoleDialog';
import { RoleFormDialog } from './roles/RoleFormDialog';
import { RoleMatrix, RoleMatrix_permission, RoleMatrix_role } from './roles/RoleMatrix';
import { adminError } from './roles/role-errors';
import { samePermissions, toggled, type RoleData } from './roles/role-model';
import { useUpdateRoleMutation } from './roles/use-update-role-mutation';
import './roles/roles.css';

export const RolesPageDocument = graphql(`
  query RolesPage {
    permissionCatalog {
      ...RoleMatrix_permission
    }
    roles {
      id
      ...RoleMatrix_role
    }
  }
`);

type DialogState = { kind: 'create' } | { kind: 'edit'; role: RoleData } | { kind: 'delete'; role: RoleData } | null;

/** Roles & permissions: the matrix editor, with create / edit / delete dialogs. */
export function RolesPage() {
  const { data, loading, error } = useQuery(RolesPageDocument);
  const { can, permissions: held } = usePermissions();
  const canManage = can('roles.manage');
  const toast = useToast();
  const [updateRole] = useUpdateRoleMutation();
  const [staged, setStaged] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<Record<string, { code: string; text: string }>>({});
  const [dialog, setDialog] = useState<DialogState>(null);

  const dirty = Object.keys(staged).length > 0;
  useEffect(() => {
    if (!dirty) return;
    // Unsaved toggles would be lost silently on a reload or closed tab.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onToggle = useCallback((role: RoleData, permission: string, on: boolean) => {
    setStaged((all) => {
      const next = toggled(all[role.id] ?? role.permissions, permission, on);
      const { [role.id]: _old, ...rest } = all;
      return samePermissions(next, role.permissions) ? rest : { ...rest, [role.id]: next };
    });
  }, []);

  const forget = (roleId: string) => {
    setStaged(({ [roleId]: _s, ...rest }) => rest);
    setFailures(({ [roleId]: _f, ...rest }) => rest);
  };

  async function onSave(role: RoleData) {
    const permissions = staged[role.id];
    if (!permissions) return;
    setFailures(({ [role.id]: _f, ...rest }) => rest);
    setSaving((s) => new Set(s).add(role.id));
    try {
      await updateRole(role, { permissions });
      forget(role.id);
      toast.show(`${role.name} saved: members holding it have the new permissions now.`, { tone: 'success' });
    } catch (err) {
      // The optimistic layer has rolled back; the staged set stays, marked unsaved, for the admin to fix or discard.
      const problem = adminError(err);
      if (problem) setFailures((f) => ({ ...f, [role.id]: { code: problem.code, text: problem.text } }));
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(role.id);
        return next;
      });
    }
  }

  if (loading && !data) return <p className="muted">Loading roles…</p>;
  if (!data) return <p className="error">{apiProblem(error)?.message ?? 'The roles could not be loaded.'}</p>;

  const roles = getFragmentData(RoleMatrix_role, data.roles);
  const catalog = getFragmentData(RoleMatrix_permission, data.permissionCatalog);
  const done = (message: string) => {
    setDialog(null);
    toast.show(message, { tone: 'success' });
  };

  return (
    <section className="roles-page">
      <div className="toolbar">
        <div>
          <h1>Roles &amp; permissions</h1>
          <p className="muted">
            Tick the permissions each role grants, then save that role. Members holding it get the change at once.
          </p>
        </div>
        <span className="spacer" />
        {canManage ? (
          <button type="button" onClick={() => setDialog({ kind: 'create' })}>
            New role
          </button>
        ) : null}
      </div>
      {Object.entries(failures).map(([roleId, f]) => (
        <p key={roleId} role="alert" className="error role-failure" data-code={f.code}>
          {roles.find((r) => r.id === roleId)?.name ?? 'Role'} was not saved: {f.text}
        </p>
      ))}
      <RoleMatrix
        catalog={data.permissionCatalog}
        roles={data.roles}
        staged={staged}
        saving={saving}
        held={held}
        canManage={canManage}
        onToggle={onToggle}
        onSave={(role) => void onSave(role)}
        onDiscard={(role) => forget(role.id)}
        onEdit={(role) => setDialog({ kind: 'edit', role })}
        onDelete={(role) => setDialog({ kind: 'delete', role })}
      />
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <RoleFormDialog
          role={dialog.kind === 'edit' ? dialog.role : undefined}
          catalog={catalog}
          roles={roles}
          held={held}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteRoleDialog
          role={dialog.role}
          roles={roles}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            forget(dialog.role.id);
            done(m);
          }}
        />
      ) : null}
    </section>
  );
}
