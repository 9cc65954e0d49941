import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiProblem, fieldProblems } from '../../lib/errors';
import type { CustomFieldDef } from '../lead-detail/CustomFieldInput';
import { LeadFields } from '../lead-detail/LeadFields';
import { initialValues, toCreateInput, validateLeadForm, type FieldErrors, type LeadFormValues } from '../lead-detail/lead-form';
import { useToast } from '../shell/toasts';
import { useCreateLeadMutation } from './use-create-lead-mutation';

interface Props {
  defs: ReadonlyArray<CustomFieldDef>;
  statuses: ReadonlyArray<{ id: string; label: string; isDefault: boolean }>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  /** Null when the member may not choose owners (leads.assign). */
  members: ReadonlyArray<{ id: string; name: string }> | null;
  onClose(): void;
}

/** A modal form for a new lead: the standard fields, the tenant's custom fields, a status and an owner. */
export function NewLeadDialog({ defs, statuses, teams, members, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<LeadFormValues>(() => initialValues(null, defs));
  const [statusId, setStatusId] = useState(() => statuses.find((s) => s.isDefault)?.id ?? '');
  const [ownerId, setOwnerId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createLead, { loading }] = useCreateLeadMutation();
  const navigate = useNavigate();
  const toast = useToast();

  useEffect(() => {
    const el = ref.current;
    if (!el || el.open) return;
    // jsdom lacks showModal; a plain open dialog is enough there.
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', '');
  }, []);

  const clear = (field: string) => errors[field] && setErrors(({ [field]: _, ...rest }) => rest);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local = validateLeadForm(values, null, defs);
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    try {
      const { data } = await createLead({ variables: { input: toCreateInput(values, defs, { statusId, ownerId }) } });
      toast.show(`Lead ${values.std.name.trim()} created`, { tone: 'success' });
      onClose();
      if (data) void navigate(`/leads/${data.createLead.id}`);
    } catch (err) {
      const fields = fieldProblems(err);
      setErrors(fields);
      const placed = new Set(['name', 'company', 'email', 'phone', 'value', 'currency', 'source', 'tags', 'teamId', ...defs.map((d) => `customFields.${d.key}`)]);
      const other = Object.entries(fields).filter(([f]) => !placed.has(f));
      if (!Object.keys(fields).length || other.length) setFormError(other.length ? other.map(([f, m]) => `${f}: ${m}`).join('; ') : (apiProblem(err)?.message ?? null));
    }
  }

  return (
    <dialog ref={ref} className="new-lead-dialog" aria-labelledby="new-lead-heading" onCancel={onClose} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="new-lead-heading">New lead</h2>
        <LeadFields
          idPrefix="new-lead"
          values={values}
          errors={errors}
          defs={defs}
          teams={teams}
          disabled={loading}
          onStdChange={(field, v) => {
            setValues((prev) => ({ ...prev, std: { ...prev.std, [field]: v } }));
            clear(field);
          }}
          onCustomChange={(key, v) => {
            setValues((prev) => ({ ...prev, custom: { ...prev.custom, [key]: v } }));
            clear(`customFields.${key}`);
          }}
        />
        <div className="lead-fields">
          <div className="lead-field">
            <label htmlFor="new-lead-status">Initial status</label>
            <select id="new-lead-status" value={statusId} onChange={(e) => setStatusId(e.target.value)}>
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          {members ? (
            <div className="lead-field">
              <label htmlFor="new-lead-owner">Owner</label>
              <select id="new-lead-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                <option value="">Unassigned</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        {formError ? (
          <p role="alert" className="error">
            {formError}
          </p>
        ) : null}
        <div className="toolbar">
          <button type="submit" disabled={loading}>
            {loading ? 'Creating…' : 'Create lead'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
