import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { graphql } from '../../gql';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import { unmaskDefinitions } from '../lead-detail/CustomFieldInput';
import { BulkAssignBar } from './BulkAssignBar';
import { LeadFilters } from './LeadFilters';
import { LeadsTable } from './LeadsTable';
import { NewLeadDialog } from './NewLeadDialog';
import { NO_FILTERS, PAGE_SIZES, hasFilters, useLeadsView, variablesOf } from './leads-url-state';
import './leads.css';

export const LeadsDocument = graphql(`
  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...LeadRow_lead
        }
      }
    }
  }
`);

/** What the filters, columns and forms offer; fetched once, not with every page. */
export const LeadsPageOptionsDocument = graphql(`
  query LeadsPageOptions {
    customFieldDefinitions {
      id
      ...CustomFieldInput_definition
    }
    leadStatuses {
      id
      key
      label
      isDefault
    }
    teams {
      id
      name
    }
    members {
      id
      name
    }
  }
`);

export function LeadsPage() {
  const { can } = usePermissions();
  const [view, update] = useLeadsView();
  const variables = useMemo(() => variablesOf(view), [view]);
  const options = useQuery(LeadsPageOptionsDocument, { fetchPolicy: 'cache-and-network' });
  // cache-and-network: a page seen before shows at once and is refreshed (others may have changed it meanwhile).
  const { data, previousData, loading, error } = useQuery(LeadsDocument, { variables, fetchPolicy: 'cache-and-network' });
  const shown = data ?? previousData;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);

  // A selection belongs to the page it was made on.
  const pageKey = JSON.stringify(variables);
  useEffect(() => setSelected(new Set()), [pageKey]);

  const defs = useMemo(() => unmaskDefinitions(options.data?.customFieldDefinitions), [options.data?.customFieldDefinitions]);
  const members = options.data?.members ?? [];
  const statuses = options.data?.leadStatuses ?? [];
  const teams = options.data?.teams ?? [];
  const canAssign = can('leads.assign');
  const conn = shown?.leads;
  const rows = useMemo(() => conn?.edges.map((e) => ({ id: e.node.id, lead: e.node })) ?? [], [conn]);
  const problem = apiProblem(error);
  const filtered = hasFilters(view);

  return (
    <div className="leads-page">
      <div className="toolbar">
        <h1>Leads</h1>
        {conn ? (
          <span className="muted" data-testid="leads-total">
            {conn.totalCount} {conn.totalCount === 1 ? 'lead' : 'leads'}
          </span>
        ) : null}
        <span className="spacer" />
        {can('leads.create') ? (
          <button type="button" onClick={() => setCreating(true)} disabled={!options.data}>
            New lead
          </button>
        ) : null}
      </div>
      <LeadFilters view={view} statuses={statuses} members={members} teams={teams} showDeletedToggle={can('leads.delete')} onChange={update} />
      {canAssign && selected.size > 0 ? <BulkAssignBar selectedIds={[...selected]} members={members} onDone={() => setSelected(new Set())} /> : null}
      {problem ? (
        <p role="alert" className="error">
          {problem.message}
        </p>
      ) : null}
      {!conn && loading ? (
        <p className="muted" aria-busy="true">
          Loading leads…
        </p>
      ) : null}
      {conn ? (
        <>
          <LeadsTable
            rows={rows}
            customColumns={defs}
            view={view}
            busy={loading}
            selectable={canAssign && !view.deleted}
            selected={selected}
            onSelect={(ids, on) =>
              setSelected((prev) => {
                const next = new Set(prev);
                for (const id of ids) if (on) next.add(id);
                else next.delete(id);
                return next;
              })
            }
            onSort={(sort, dir) => update({ sort, dir })}
          />
          {rows.length === 0 && !loading ? (
            <div className="empty">
              {filtered ? 'No leads match these filters.' : 'No leads yet.'}
              {filtered ? (
                <div>
                  <button type="button" className="link" onClick={() => update(NO_FILTERS)}>
                    Clear filters
                  </button>
                </div>
              ) : null}
            </div>
          ) : null}
          <nav className="pager" aria-label="Pages">
            <button type="button" className="secondary" disabled={!conn.pageInfo.hasPreviousPage || !conn.pageInfo.startCursor} onClick={() => update({ after: '', before: '' }, {})}>
              First page
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!conn.pageInfo.hasPreviousPage || !conn.pageInfo.startCursor}
              onClick={() => update({ before: conn.pageInfo.startCursor ?? '', after: '' })}
            >
              Previous page
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor}
              onClick={() => update({ after: conn.pageInfo.endCursor ?? '', before: '' })}
            >
              Next page
            </button>
            <span className="spacer" />
            <label className="inline">
              Rows per page
              <select value={view.size} onChange={(e) => update({ size: Number(e.target.value) })}>
                {PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </nav>
        </>
      ) : null}
      {creating && options.data ? (
        <NewLeadDialog defs={defs} statuses={statuses} teams={teams} members={canAssign ? members : null} onClose={() => setCreating(false)} />
      ) : null}
    </div>
  );
}
