import { useId, useState, type FormEvent } from 'react';
import type { StatusKind } from '../../../gql/graphql';
import { apiProblem, fieldProblems } from '../../../lib/errors';
import { keyFromLabel } from '../fields/key-from-label';

export interface StatusValues {
  label: string;
  key: string;
  color: string;
  kind: StatusKind;
}

interface Props {
  /** Present when editing. */
  initial?: StatusValues;
  submitLabel: string;
  /** Rejects with the Apollo error; the form shows its field problems. */
  onSave(values: StatusValues): Promise<unknown>;
  onCancel?(): void;
  /** Accessible name of the form, e.g. "New status" or "Edit New". */
  name: string;
}

const KINDS: { value: StatusKind; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won (closed)' },
  { value: 'lost', label: 'Lost (closed)' },
];

/** Create or edit a status. The key follows the label until the user types one (create only). */
export function StatusForm({ initial, submitLabel, onSave, onCancel, name }: Props) {
  const [values, setValues] = useState<StatusValues>(initial ?? { label: '', key: '', color: '#64748b', kind: 'open' });
  const [keyTouched, setKeyTouched] = useState(Boolean(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = { label: useId(), key: useId(), color: useId() };
  const problems = fieldProblems(error);
  const problem = apiProblem(error);
  const formLevel = problem && !Object.keys(problems).length ? problem.message : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(values);
      if (!initial) {
        setValues({ label: '', key: '', color: values.color, kind: 'open' });
        setKeyTouched(false);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = (field: keyof StatusValues, id: string) =>
    problems[field] ? (
      <span className="field-error" id={`${id}-error`}>
        {problems[field]}
      </span>
    ) : null;
  const invalid = (field: keyof StatusValues, id: string) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

  return (
    <form className="status-form" aria-label={name} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.label}>Label</label>
        <input
          id={ids.label}
          required
          value={values.label}
          onChange={(e) => setValues((v) => ({ ...v, label: e.target.value, key: keyTouched ? v.key : keyFromLabel(e.target.value) }))}
          {...invalid('label', ids.label)}
        />
        {err('label', ids.label)}
      </div>
      <div className="field">
        <label htmlFor={ids.key}>Key</label>
        <input
          id={ids.key}
          required
          value={values.key}
          onChange={(e) => {
            setKeyTouched(true);
            setValues((v) => ({ ...v, key: e.target.value }));
          }}
          {...invalid('key', ids.key)}
        />
        {err('key', ids.key)}
      </div>
      <div className="field">
        <label htmlFor={ids.color}>Colour</label>
        <input id={ids.color} type="color" value={values.color} onChange={(e) => setValues((v) => ({ ...v, color: e.target.value }))} {...invalid('color', ids.color)} />
        {err('color', ids.color)}
      </div>
      <label>
        Category
        <select value={values.kind} onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as StatusKind }))}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {formLevel && (
        <p className="error" role="alert">
          {formLevel}
        </p>
      )}
    </form>
  );
}
