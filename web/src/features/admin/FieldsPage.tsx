import { useQuery } from '@apollo/client/react';
import { Fragment, useState } from 'react';
import { usePermissions } from '../../auth/permissions';
import { getFragmentData } from '../../gql';
import { apiProblem } from '../../lib/errors';
import { DeleteFieldPanel } from './fields/DeleteFieldPanel';
import { FieldForm } from './fields/FieldForm';
import { FieldRow, FieldRowFragment } from './fields/FieldRow';
import { toCreateInput, toUpdateInput } from './fields/field-values';
import { CustomFieldsSettingsDocument } from './fields/fields-query';
import { useCreateCustomFieldMutation } from './fields/use-create-custom-field-mutation';
import { useMoveCustomFieldMutation } from './fields/use-move-custom-field-mutation';
import { useUpdateCustomFieldMutation } from './fields/use-update-custom-field-mutation';
import { useRefocusAfterMove } from './statuses/use-refocus-after-move';
import './fields/fields.css';

type Panel = { kind: 'edit' | 'delete'; id: string } | null;

/** Settings → Custom fields: the tenant's lead form, in order, with its validation rules. */
export function FieldsPage() {
  const { can } = usePermissions();
  const canManage = can('fields.manage');
  const { data, loading, error } = useQuery(CustomFieldsSettingsDocument);
  const [createField] = useCreateCustomFieldMutation();
  const [updateField] = useUpdateCustomFieldMutation();
  const [moveField] = useMoveCustomFieldMutation();
  const [panel, setPanel] = useState<Panel>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // Positions may repeat (the API stores what it is given), so ties keep the API's order.
  const fields = (data?.customFieldDefinitions ?? []).map((f, i) => ({ f, i })).sort((a, b) => a.f.position - b.f.position || a.i - b.i).map((x) => x.f);
  const rows = fields.map((f) => ({ ref: f, view: getFragmentData(FieldRowFragment, f) }));
  const { containerRef, setMoved } = useRefocusAfterMove<HTMLTableElement>(fields.map((f) => f.id).join());

  async function move(index: number, delta: -1 | 1) {
    const order = [...fields];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + delta, 0, moved);
    setMoveError(null);
    setMoved({ id: moved.id, delta });
    setAnnouncement(`${rows[index]?.view.label ?? ''} moved to position ${index + delta + 1} of ${order.length}.`);
    try {
      await Promise.all(order.map((f, i) => (f.position === i + 1 ? null : moveField(f.id, i + 1))));
    } catch (err) {
      setMoveError(apiProblem(err)?.message ?? 'Could not reorder the fields.');
    }
  }

  if (error) return <p className="error" role="alert">{apiProblem(error)?.message}</p>;

  return (
    <div className="fields-page">
      <h1>Custom fields</h1>
      <p className="muted">The extra fields of every lead, in the order the lead form shows them.</p>
      {loading && !data ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No custom fields yet.</p>
      ) : (
        <table className="data fields" ref={containerRef}>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Label</th>
              <th scope="col">Key</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Rules</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ ref, view }, i) => (
              <Fragment key={view.id}>
                <FieldRow
                  field={ref}
                  index={i}
                  count={rows.length}
                  canManage={canManage}
                  onMove={(d) => void move(i, d)}
                  onEdit={() => setPanel({ kind: 'edit', id: view.id })}
                  onDelete={() => setPanel({ kind: 'delete', id: view.id })}
                />
                {panel?.id === view.id && (
                  <tr className="panel-row">
                    <td colSpan={7}>
                      {panel.kind === 'edit' ? (
                        <FieldForm
                          field={ref}
                          onSave={async (v) => {
                            await updateField({ variables: { id: view.id, input: toUpdateInput(v) } });
                            setPanel(null);
                          }}
                          onCancel={() => setPanel(null)}
                        />
                      ) : (
                        <DeleteFieldPanel field={view} onDone={() => setPanel(null)} />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {moveError && (
        <p className="error" role="alert">
          {moveError}
        </p>
      )}
      {canManage && (
        <section className="card new-field" aria-labelledby="new-field-heading">
          <h2 id="new-field-heading">Add a field</h2>
          <FieldForm onSave={(v) => createField({ variables: { input: toCreateInput(v) } })} />
        </section>
      )}
    </div>
  );
}
