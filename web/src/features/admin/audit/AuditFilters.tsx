import { useState, type FormEvent } from 'react';
import { EMPTY_FILTER, type AuditFilterForm } from './audit-filter';

interface AuditFiltersProps {
  value: AuditFilterForm;
  actors: readonly { id: string; name: string }[];
  onApply(form: AuditFilterForm): void;
}

/** Well-known actions; the field takes any exact action or a prefix ending in `.*`. */
const ACTIONS = ['auth.*', 'auth.login', 'auth.login_failed', 'mutation.*', 'mutation.updateRole', 'mutation.setMemberRoles', 'mutation.inviteMember', 'mutation.deactivateMember', 'mutation.updateLead', 'mutation.assignLead', 'mutation.deleteLead', 'mutation.changeLeadStatus'];
const TARGET_TYPES = ['Lead', 'Member', 'Role', 'LeadStatus', 'CustomFieldDefinition', 'Team', 'TenantSettings'];

/**
 * The filter form. Selects and dates apply at once; the text fields apply on Enter or "Apply", so typing does
 * not fire a query per keystroke. The parent remounts it when the URL changes (Back), resetting the draft.
 */
export function AuditFilters({ value, actors, onApply }: AuditFiltersProps) {
  const [draft, setDraft] = useState<AuditFilterForm>(value);
  const set = (k: keyof AuditFilterForm, v: string, apply = false) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    if (apply) onApply(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const filtered = Object.values(value).some(Boolean);
  return (
    <form className="toolbar audit-filters" role="search" aria-label="Audit log filters" onSubmit={submit}>
      <label>
        Actor
        <select value={draft.actor} onChange={(e) => set('actor', e.target.value, true)}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Action
        <input value={draft.action} list="audit-actions" placeholder="e.g. auth.*" onChange={(e) => set('action', e.target.value)} />
      </label>
      <label>
        Target type
        <input value={draft.targetType} list="audit-target-types" placeholder="e.g. Lead" onChange={(e) => set('targetType', e.target.value)} />
      </label>
      <label>
        Target ID
        <input value={draft.target} size={12} onChange={(e) => set('target', e.target.value)} />
      </label>
      <label>
        From
        <input type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => set('from', e.target.value, true)} />
      </label>
      <label>
        To
        <input type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => set('to', e.target.value, true)} />
      </label>
      <button type="submit">Apply</button>
      {filtered ? (
        <button type="button" className="secondary" onClick={() => onApply(EMPTY_FILTER)}>
          Clear filters
        </button>
      ) : null}
      <datalist id="audit-actions">
        {ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <datalist id="audit-target-types">
        {TARGET_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </form>
  );
}
