import { Fragment } from 'react';
import type { FragmentType } from '../../gql';
import type { CustomFieldDef } from '../lead-detail/CustomFieldInput';
import { LeadRow, LeadRowFragment } from './LeadRow';
import type { LeadsView } from './leads-url-state';

interface Props {
  rows: ReadonlyArray<{ id: string; lead: FragmentType<typeof LeadRowFragment> }>;
  customColumns: ReadonlyArray<CustomFieldDef>;
  view: LeadsView;
  busy: boolean;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], selected: boolean): void;
  onSort(sort: string, dir: 'asc' | 'desc'): void;
}

/** The API orders by created_at descending when no order is given; the header shows that as the current sort. */
const DEFAULT_SORT = { sort: 'CREATED_AT', dir: 'desc' as const };

export function LeadsTable({ rows, customColumns, view, busy, selectable, selected, onSelect, onSort }: Props) {
  const current = view.sort ? { sort: view.sort, dir: view.dir } : DEFAULT_SORT;
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));

  const header = (label: string, sort?: string) => {
    if (!sort) return <th scope="col">{label}</th>;
    const active = current.sort === sort;
    const next = active && current.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => onSort(sort, next)}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (current.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll">
      <table className="data leads-table" aria-label="Leads" aria-busy={busy}>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  aria-label="Select all leads on this page"
                  checked={allSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = someSelected && !allSelected;
                  }}
                  onChange={(e) => onSelect(rows.map((r) => r.id), e.target.checked)}
                  disabled={rows.length === 0}
                />
              </th>
            ) : null}
            {header('Name', 'NAME')}
            {header('Company', 'COMPANY')}
            {header('Email', 'EMAIL')}
            {header('Status', 'STATUS')}
            {header('Owner')}
            {header('Value', 'VALUE')}
            {customColumns.map((def) => (
              <Fragment key={def.key}>{header(def.label, `cf:${def.key}`)}</Fragment>
            ))}
            {header('Created', 'CREATED_AT')}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <LeadRow
              key={r.id}
              lead={r.lead}
              customColumns={customColumns}
              selectable={selectable}
              selected={selected.has(r.id)}
              onSelect={(id, on) => onSelect([id], on)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
