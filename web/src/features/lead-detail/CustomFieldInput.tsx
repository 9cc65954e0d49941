import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { CustomFieldInput_DefinitionFragment } from '../../gql/graphql';
import type { CustomInputValue } from './custom-field-rules';

export const CustomFieldInputFragment = graphql(`
  fragment CustomFieldInput_definition on CustomFieldDefinition {
    id
    key
    label
    type
    required
    min
    max
    pattern
    options {
      value
      label
    }
  }
`);

export type CustomFieldDef = CustomFieldInput_DefinitionFragment;

export function unmaskDefinitions(defs: ReadonlyArray<FragmentType<typeof CustomFieldInputFragment>> | undefined) {
  return getFragmentData(CustomFieldInputFragment, defs ?? []);
}

interface Props {
  idPrefix?: string;
  def: CustomFieldDef;
  value: CustomInputValue;
  error?: string;
  disabled?: boolean;
  onChange(value: CustomInputValue): void;
}

const TEXT_KINDS = { text: 'text', email: 'email', phone: 'tel', url: 'url', number: 'number', date: 'date' } as const;

/**
 * One input of the tenant's lead form, chosen by the field's type. Constraints are checked by the form (with the
 * API's messages), not by the browser, so the native validation bubbles never show other words.
 */
export function CustomFieldInput({ def, value, error, disabled, idPrefix = 'lead', onChange }: Props) {
  const id = `${idPrefix}-cf-${def.key}`;
  const errorId = `${id}-error`;
  const a11y = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined, 'aria-required': def.required || undefined };
  const errorText = error ? (
    <span className="field-error" id={errorId}>
      {error}
    </span>
  ) : null;
  const title = (
    <>
      {def.label}
      {def.required ? <span aria-hidden="true"> *</span> : null}
    </>
  );

  if (def.type === 'boolean') {
    return (
      <div className="lead-field">
        <label className="inline" htmlFor={id}>
          <input id={id} type="checkbox" checked={value === true} disabled={disabled} onChange={(e) => onChange(e.target.checked)} {...a11y} />
          {title}
        </label>
        {errorText}
      </div>
    );
  }
  if (def.type === 'multiselect') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="lead-field" aria-describedby={a11y['aria-describedby']} aria-invalid={a11y['aria-invalid']}>
        <legend>{title}</legend>
        {def.options.map((o) => (
          <label key={o.value} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              disabled={disabled}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
        {errorText}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="lead-field">
      <label htmlFor={id}>{title}</label>
      {def.type === 'select' ? (
        <select id={id} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value)} {...a11y}>
          <option value="">—</option>
          {def.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} type={TEXT_KINDS[def.type]} value={text} disabled={disabled} step={def.type === 'number' ? 'any' : undefined} onChange={(e) => onChange(e.target.value)} {...a11y} />
      )}
      {errorText}
    </div>
  );
}
