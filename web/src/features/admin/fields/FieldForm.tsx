import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { apiProblem, fieldProblems } from '../../../lib/errors';
import { keyFromLabel } from './key-from-label';
import { EMPTY_FIELD, FIELD_TYPES, formatOptions, rangeMeaning, usesOptions, usesPattern, usesRange, type FieldValues } from './field-values';

export const FieldFormFragment = graphql(`
  fragment FieldForm_field on CustomFieldDefinition {
    id
    key
    label
    type
    required
    options {
      value
      label
    }
    min
    max
    pattern
  }
`);

interface Props {
  /** Editing this field; absent to create one. */
  field?: FragmentType<typeof FieldFormFragment>;
  /** Rejects with the Apollo error: field problems appear under their inputs, anything else above the buttons. */
  onSave(values: FieldValues): Promise<unknown>;
  onCancel?(): void;
}

const SHOWN = ['key', 'label', 'type', 'required', 'options', 'min', 'max', 'pattern'] as const;

/** Create or edit one custom field; the constraints shown follow the type, as the API applies them. */
export function FieldForm({ field: ref, onSave, onCancel }: Props) {
  const field = getFragmentData(FieldFormFragment, ref);
  const [v, setV] = useState<FieldValues>(() =>
    field
      ? {
          key: field.key,
          label: field.label,
          type: field.type,
          required: field.required,
          options: formatOptions(field.options),
          min: field.min?.toString() ?? '',
          max: field.max?.toString() ?? '',
          pattern: field.pattern ?? '',
        }
      : EMPTY_FIELD,
  );
  const [keyTouched, setKeyTouched] = useState(Boolean(field));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const uid = useId();

  // Problems on nested paths (options.2.value) belong to their top-level input.
  const problems: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldProblems(error))) problems[path.split('.')[0]!] ??= message;
  const problem = apiProblem(error);
  const unplaced = Object.keys(problems).some((f) => !(SHOWN as readonly string[]).includes(f));
  // A locked type is explained under Type (the reason) and above the buttons (which field, and why).
  const formLevel = problem && (!Object.keys(problems).length || unplaced || problem.code === 'FIELD_TYPE_LOCKED') ? problem.message : null;

  const set = <K extends keyof FieldValues>(k: K, value: FieldValues[K]) => setV((old) => ({ ...old, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(v);
      if (!field) {
        setV(EMPTY_FIELD);
        setKeyTouched(false);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  /**
   * Wires a control to its label, hint and error. The hint and error sit outside the <label>, so the control's
   * accessible name stays exactly the label text; they are read as its description.
   */
  const control = (name: (typeof SHOWN)[number], hint?: ReactNode) => {
    const id = `${uid}-${name}`;
    const describedBy = [hint ? `${id}-hint` : '', problems[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
    return {
      props: { id, 'aria-invalid': problems[name] ? true : undefined, 'aria-describedby': describedBy || undefined },
      field: (labelText: string, input: ReactNode) => (
        <div className="field">
          <label htmlFor={id}>{labelText}</label>
          {input}
          {hint && (
            <span className="muted small" id={`${id}-hint`}>
              {hint}
            </span>
          )}
          {problems[name] && (
            <span className="field-error" id={`${id}-error`}>
              {problems[name]}
            </span>
          )}
        </div>
      ),
    };
  };

  const key = control('key', field ? 'Fixed once created.' : 'Lowercase letters, digits and _; cannot change later.');
  const label = control('label');
  const type = control('type', field ? 'Cannot change while leads hold values.' : undefined);
  const options = control('options', 'One per line: value, or value = Label.');
  const min = control('min', `Least ${rangeMeaning[v.type] ?? ''}`);
  const max = control('max', `Greatest ${rangeMeaning[v.type] ?? ''}`);
  const pattern = control('pattern', 'A JavaScript regular expression the whole value must match. No backreferences or lookaround: patterns are matched in linear time.');
  const required = control('required');

  return (
    <form className="field-form" aria-label={field ? `Edit ${field.label}` : 'New custom field'} onSubmit={submit} noValidate>
      <div className="field-grid">
        {label.field(
          'Label',
          <input
            value={v.label}
            required
            onChange={(e) => setV((old) => ({ ...old, label: e.target.value, key: keyTouched ? old.key : keyFromLabel(e.target.value) }))}
            {...label.props}
          />,
        )}
        {key.field(
          'Key',
          <input
            value={v.key}
            required
            readOnly={Boolean(field)}
            onChange={(e) => {
              setKeyTouched(true);
              set('key', e.target.value);
            }}
            {...key.props}
          />,
        )}
        {type.field(
          'Type',
          <select value={v.type} onChange={(e) => set('type', e.target.value as FieldValues['type'])} {...type.props}>
            {FIELD_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>,
        )}
        <div className="required-box">
          <label className="inline">
            <input type="checkbox" checked={v.required} onChange={(e) => set('required', e.target.checked)} {...required.props} />
            Required
          </label>
          {problems.required && (
            <span className="field-error" id={`${required.props.id}-error`}>
              {problems.required}
            </span>
          )}
        </div>
      </div>
      {usesOptions(v.type) && options.field('Options', <textarea rows={4} value={v.options} onChange={(e) => set('options', e.target.value)} {...options.props} />)}
      {usesRange(v.type) && (
        <div className="field-grid">
          {min.field('Minimum', <input type="number" value={v.min} onChange={(e) => set('min', e.target.value)} {...min.props} />)}
          {max.field('Maximum', <input type="number" value={v.max} onChange={(e) => set('max', e.target.value)} {...max.props} />)}
        </div>
      )}
      {usesPattern(v.type) &&
        pattern.field('Pattern', <input value={v.pattern} onChange={(e) => set('pattern', e.target.value)} placeholder="e.g. [A-Z]{2}-\d{4}" {...pattern.props} />)}
      {formLevel && (
        <p className="error" role="alert" data-code={problem?.code}>
          {formLevel}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {field ? 'Save field' : 'Add field'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
