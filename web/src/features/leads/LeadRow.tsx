import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { CustomFieldDef } from '../lead-detail/CustomFieldInput';
import { formatCustomValue, formatMoney } from './format';

export const LeadRowFragment = graphql(`
  fragment LeadRow_lead on Lead {
    id
    name
    company
    email
    value
    currency
    source
    customFields
    createdAt
    updatedAt
    deletedAt
    status {
      id
      key
      label
      color
      kind
    }
    owner {
      id
      name
    }
  }
`);

interface Props {
  lead: FragmentType<typeof LeadRowFragment>;
  customColumns: ReadonlyArray<CustomFieldDef>;
  selectable: boolean;
  selected: boolean;
  onSelect(id: string, selected: boolean): void;
}

export function LeadRow({ lead: ref, customColumns, selectable, selected, onSelect }: Props) {
  const lead = getFragmentData(LeadRowFragment, ref);
  return (
    <tr aria-selected={selectable ? selected : undefined}>
      {selectable ? (
        <td className="select-cell">
          <input type="checkbox" aria-label={`Select ${lead.name}`} checked={selected} onChange={(e) => onSelect(lead.id, e.target.checked)} />
        </td>
      ) : null}
      <td>
        <Link to={`/leads/${lead.id}`}>{lead.name}</Link>
      </td>
      <td>{lead.company}</td>
      <td>{lead.email}</td>
      <td>
        <span className={`badge status-badge ${lead.status.kind}`} style={{ ['--status-color' as string]: lead.status.color }}>
          {lead.status.label}
        </span>
      </td>
      <td>{lead.owner?.name ?? <span className="muted">Unassigned</span>}</td>
      <td className="num">{formatMoney(lead.value, lead.currency)}</td>
      {customColumns.map((def) => (
        <td key={def.key}>{formatCustomValue(def, lead.customFields[def.key])}</td>
      ))}
      <td>
        <time dateTime={lead.updatedAt}>{new Date(lead.updatedAt).toLocaleDateString()}</time>
      </td>
    </tr>
  );
}
