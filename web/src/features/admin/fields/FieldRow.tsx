import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { FIELD_TYPES, rangeMeaning } from './field-values';

export const FieldRowFragment = graphql(`
  fragment FieldRow_field on CustomFieldDefinition {
    id
    key
    label
    type
    required
    options {
      value
    }
    min
    max
    pattern
  }
`);

interface Props {
  field: FragmentType<typeof FieldRowFragment>;
  index: number;
  count: number;
  canManage: boolean;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onDelete(): void;
}

function constraints(f: { type: string; options: { value: string }[]; min?: number | null; max?: number | null; pattern?: string | null }) {
  const parts: string[] = [];
  if (f.options.length) parts.push(`${f.options.length} option${f.options.length === 1 ? '' : 's'}`);
  const what = rangeMeaning[f.type as keyof typeof rangeMeaning];
  if (f.min != null) parts.push(`min ${f.min}${what ? ` (${what})` : ''}`);
  if (f.max != null) parts.push(`max ${f.max}${what ? ` (${what})` : ''}`);
  if (f.pattern) parts.push(`pattern ${f.pattern}`);
  return parts.join(', ');
}

/** One field of the lead form, with its place (up/down) and actions. */
export function FieldRow({ field: ref, index, count, canManage, onMove, onEdit, onDelete }: Props) {
  const f = getFragmentData(FieldRowFragment, ref);
  return (
    <tr data-testid={`field-row-${f.key}`}>
      <td className="order-cell">
        <span className="position">{index + 1}</span>
        {canManage && (
          <span className="move-buttons">
            <button type="button" className="secondary icon" data-move={`${f.id}:-1`} aria-label={`Move ${f.label} up`} disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button type="button" className="secondary icon" data-move={`${f.id}:1`} aria-label={`Move ${f.label} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
              ↓
            </button>
          </span>
        )}
      </td>
      <td>{f.label}</td>
      <td>
        <code>{f.key}</code>
      </td>
      <td>{FIELD_TYPES.find((t) => t.value === f.type)?.label ?? f.type}</td>
      <td>{f.required ? 'Yes' : 'No'}</td>
      <td className="muted small">{constraints(f)}</td>
      <td>
        {canManage && (
          <div className="row-actions">
            <button type="button" className="secondary" aria-label={`Edit ${f.label}`} onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="secondary" aria-label={`Delete ${f.label}`} onClick={onDelete}>
              Delete
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
