import './lead-fields.css';
import { CustomFieldInput, type CustomFieldDef } from './CustomFieldInput';
import type { CustomInputValue } from './custom-field-rules';
import type { FieldErrors, LeadFormValues, StandardField } from './lead-form';

interface Props {
  values: LeadFormValues;
  errors: FieldErrors;
  defs: ReadonlyArray<CustomFieldDef>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  disabled?: boolean;
  idPrefix?: string;
  onStdChange(field: StandardField, value: string): void;
  onCustomChange(key: string, value: CustomInputValue): void;
}

const STANDARD: Array<{ field: Exclude<StandardField, 'teamId'>; label: string; type: string; hint?: string }> = [
  { field: 'name', label: 'Name', type: 'text' },
  { field: 'company', label: 'Company', type: 'text' },
  { field: 'email', label: 'Email', type: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel' },
  { field: 'value', label: 'Value', type: 'number' },
  { field: 'currency', label: 'Currency', type: 'text', hint: 'ISO code, e.g. EUR' },
  { field: 'source', label: 'Source', type: 'text' },
  { field: 'tags', label: 'Tags', type: 'text', hint: 'Separated by commas' },
];

/** The inputs of a lead: its standard fields, then the tenant's custom fields in their order. */
export function LeadFields({ values, errors, defs, teams, disabled, idPrefix = 'lead', onStdChange, onCustomChange }: Props) {
  return (
    <div className="lead-fields">
      {STANDARD.map(({ field, label, type, hint }) => {
        const id = `${idPrefix}-${field}`;
        const error = errors[field];
        const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
        return (
          <div className="lead-field" key={field}>
            <label htmlFor={id}>
              {label}
              {field === 'name' ? <span aria-hidden="true"> *</span> : null}
            </label>
            <input
              id={id}
              type={type}
              value={values.std[field]}
              disabled={disabled}
              step={type === 'number' ? 'any' : undefined}
              aria-required={field === 'name' || undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={described || undefined}
              onChange={(e) => onStdChange(field, e.target.value)}
            />
            {hint ? (
              <span className="muted small" id={`${id}-hint`}>
                {hint}
              </span>
            ) : null}
            {error ? (
              <span className="field-error" id={`${id}-error`}>
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      {teams.length ? (
        <div className="lead-field">
          <label htmlFor={`${idPrefix}-teamId`}>Team</label>
          <select
            id={`${idPrefix}-teamId`}
            value={values.std.teamId}
            disabled={disabled}
            aria-invalid={errors.teamId ? true : undefined}
            aria-describedby={errors.teamId ? `${idPrefix}-teamId-error` : undefined}
            onChange={(e) => onStdChange('teamId', e.target.value)}
          >
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {errors.teamId ? (
            <span className="field-error" id={`${idPrefix}-teamId-error`}>
              {errors.teamId}
            </span>
          ) : null}
        </div>
      ) : null}
      {defs.map((def) => (
        <CustomFieldInput
          key={def.id}
          def={def}
          idPrefix={idPrefix}
          value={values.custom[def.key] ?? ''}
          error={errors[`customFields.${def.key}`]}
          disabled={disabled}
          onChange={(v) => onCustomChange(def.key, v)}
        />
      ))}
    </div>
  );
}
