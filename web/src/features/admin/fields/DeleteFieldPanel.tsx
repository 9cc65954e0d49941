import { useState } from 'react';
import { apiProblem } from '../../../lib/errors';
import { useDeleteCustomFieldMutation } from './use-delete-custom-field-mutation';

interface Props {
  field: { id: string; key: string; label: string };
  onDone(): void;
}

/** Confirms removing a field, saying plainly that lead values are kept (the API keeps them under the key). */
export function DeleteFieldPanel({ field, onDone }: Props) {
  const [deleteField, { loading }] = useDeleteCustomFieldMutation();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="delete-panel" role="group" aria-label={`Delete ${field.label}`}>
      <p>
        Delete the field <strong>{field.label}</strong>? Leads keep their stored values; they show again if a field
        with the key <code>{field.key}</code> is created later.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="danger"
          disabled={loading}
          onClick={async () => {
            setError(null);
            try {
              await deleteField({ variables: { id: field.id } });
              onDone();
            } catch (err) {
              setError(apiProblem(err)?.message ?? 'Could not delete the field.');
            }
          }}
        >
          Delete field
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
