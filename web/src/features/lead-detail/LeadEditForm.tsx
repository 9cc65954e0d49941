import { useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { apiProblem, fieldProblems } from '../../lib/errors';
import { useToast } from '../shell/toasts';
import type { CustomFieldDef } from './CustomFieldInput';
import { LeadFields } from './LeadFields';
import { initialValues, toUpdateInput, validateLeadForm, type FieldErrors, type LeadFormValues } from './lead-form';
import { useUpdateLeadMutation } from './use-update-lead-mutation';

export const LeadEditFormFragment = graphql(`
  fragment LeadEditForm_lead on Lead {
    id
    name
    company
    email
    phone
    value
    currency
    source
    tags
    customFields
    deletedAt
    team {
      id
      name
    }
  }
`);

interface Props {
  lead: FragmentType<typeof LeadEditFormFragment>;
  defs: ReadonlyArray<CustomFieldDef>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  canEdit: boolean;
}

/**
 * The lead's fields as a form. Until the user types, it shows the cached lead as it is now (so changes made by
 * others, arriving live, show); once they type, their draft is kept and only what they changed is sent.
 */
export function LeadEditForm({ lead: leadRef, defs, teams, canEdit }: Props) {
  const lead = getFragmentData(LeadEditFormFragment, leadRef);
  const current = initialValues(lead, defs);
  const [draft, setDraft] = useState<LeadFormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [updateLead, { loading }] = useUpdateLeadMutation();
  const toast = useToast();
  const values = draft ?? current;
  const disabled = !canEdit || Boolean(lead.deletedAt);
  const known = new Set(['name', 'company', 'email', 'phone', 'value', 'currency', 'source', 'tags', 'teamId', ...defs.map((d) => `customFields.${d.key}`)]);

  function edit(next: LeadFormValues, field: string) {
    setDraft(next);
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!draft) return;
    const local = validateLeadForm(draft, current, defs);
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    const input = toUpdateInput(draft, current, defs);
    if (!Object.keys(input).length) {
      setDraft(null);
      return;
    }
    try {
      await updateLead({ variables: { id: lead.id, input } });
      setDraft(null);
      setErrors({});
      toast.show('Lead saved', { tone: 'success' });
    } catch (err) {
      const problem = apiProblem(err);
      const fields = fieldProblems(err);
      setErrors(fields);
      const unplaced = Object.entries(fields).filter(([f]) => !known.has(f));
      // Problems the form has no input for (or none at all) are shown above the buttons.
      if (!Object.keys(fields).length || unplaced.length) {
        setFormError(unplaced.length ? unplaced.map(([f, m]) => `${f}: ${m}`).join('; ') : (problem?.message ?? null));
      }
    }
  }

  return (
    <form className="card lead-form" onSubmit={submit} noValidate aria-labelledby="lead-form-heading">
      <h2 id="lead-form-heading">Details</h2>
      <LeadFields
        values={values}
        errors={errors}
        defs={defs}
        teams={teams}
        disabled={disabled || loading}
        onStdChange={(field, v) => edit({ ...values, std: { ...values.std, [field]: v } }, field)}
        onCustomChange={(key, v) => edit({ ...values, custom: { ...values.custom, [key]: v } }, `customFields.${key}`)}
      />
      {formError ? (
        <p role="alert" className="error">
          {formError}
        </p>
      ) : null}
      {canEdit && !lead.deletedAt ? (
        <div className="toolbar">
          <button type="submit" disabled={!draft || loading}>
            {loading ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!draft || loading}
            onClick={() => {
              setDraft(null);
              setErrors({});
              setFormError(null);
            }}
          >
            Discard changes
          </button>
        </div>
      ) : null}
    </form>
  );
}
