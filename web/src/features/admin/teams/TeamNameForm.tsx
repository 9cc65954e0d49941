import { useId, useState, type FormEvent } from 'react';
import { apiProblem, fieldProblems } from '../../../lib/errors';

interface Props {
  /** Accessible name of the form: "New team" or "Rename <team>". */
  name: string;
  initial?: string;
  submitLabel: string;
  /** Rejects with the Apollo error: TEAM_NAME_TAKEN and length problems appear under the input. */
  onSave(name: string): Promise<unknown>;
  onCancel?(): void;
}

/** One "Team name" input, for creating and renaming. */
export function TeamNameForm({ name, initial = '', submitLabel, onSave, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const fieldError = fieldProblems(error).name;
  const other = error && !fieldError ? apiProblem(error)?.message : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(value.trim());
      if (!initial) setValue('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="team-name-form" aria-label={name} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>Team name</label>
        <input
          id={id}
          value={value}
          required
          maxLength={100}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
        />
        {fieldError && (
          <span className="field-error" id={`${id}-error`}>
            {fieldError}
          </span>
        )}
      </div>
      <button type="submit" disabled={busy || !value.trim()}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
      {other && (
        <p className="error" role="alert">
          {other}
        </p>
      )}
    </form>
  );
}
