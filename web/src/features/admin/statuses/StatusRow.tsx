import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const StatusRowFragment = graphql(`
  fragment StatusRow_status on LeadStatus {
    id
    key
    label
    color
    kind
    isDefault
  }
`);

interface Props {
  status: FragmentType<typeof StatusRowFragment>;
  index: number;
  count: number;
  canManage: boolean;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onSetDefault(): void;
  onDelete(): void;
}

/** One status of the pipeline: its place (with keyboard-operable up/down), looks, category and actions. */
export function StatusRow({ status: ref, index, count, canManage, onMove, onEdit, onSetDefault, onDelete }: Props) {
  const s = getFragmentData(StatusRowFragment, ref);
  return (
    <tr data-testid={`status-row-${s.key}`}>
      <td className="order-cell">
        <span className="position">{index + 1}</span>
        {canManage && (
          <span className="move-buttons">
            <button type="button" className="secondary icon" data-move={`${s.id}:-1`} aria-label={`Move ${s.label} up`} disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button
              type="button"
              className="secondary icon"
              data-move={`${s.id}:1`}
              aria-label={`Move ${s.label} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
          </span>
        )}
      </td>
      <td>
        <span className="status-swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}
      </td>
      <td>
        <code>{s.key}</code>
      </td>
      <td>
        <span className={`badge ${s.kind}`}>{s.kind}</span>
      </td>
      <td>{s.isDefault ? <span className="badge">Default</span> : null}</td>
      <td>
        {canManage && (
          <div className="row-actions">
            <button type="button" className="secondary" aria-label={`Edit ${s.label}`} onClick={onEdit}>
              Edit
            </button>
            {!s.isDefault && (
              <button type="button" className="secondary" aria-label={`Make ${s.label} the default`} onClick={onSetDefault}>
                Make default
              </button>
            )}
            <button type="button" className="secondary" aria-label={`Delete ${s.label}`} onClick={onDelete}>
              Delete
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
