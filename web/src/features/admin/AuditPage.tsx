import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import { AuditFilters } from './audit/AuditFilters';
import { AuditRetention } from './audit/AuditRetention';
import { AuditTable } from './audit/AuditTable';
import { formFromParams, paramsFromForm, toApiFilter, type AuditFilterForm } from './audit/audit-filter';
import { ALL_MEMBER_STATUSES } from './members/member-cache';
import './audit/audit.css';

export const AUDIT_PAGE_SIZE = 50;

export const AuditLogDocument = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          ...AuditRow_entry
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const AuditActorsDocument = graphql(`
  query AuditActors($statuses: [MemberStatus!]) {
    members(statuses: $statuses) {
      id
      name
    }
  }
`);

/**
 * The audit log, newest first, page by page with the API's keyset cursors: "Older" follows endCursor, "Newer"
 * goes back through the cursors already visited (the API pages one way only). Filters live in the URL.
 */
export function AuditPage() {
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const form = formFromParams(params);
  const filterKey = paramsFromForm(form).toString();
  // Cursors belong to one filter: a new filter starts again at the newest entries.
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = pages.key === filterKey ? pages.cursors : [];
  const { data, previousData, loading, error } = useQuery(AuditLogDocument, {
    variables: { first: AUDIT_PAGE_SIZE, after: cursors.at(-1) ?? null, filter: toApiFilter(form) },
    fetchPolicy: 'cache-and-network',
  });
  // Deactivated members acted too; listing them needs members.manage, else the active ones are offered.
  const actors = useQuery(AuditActorsDocument, { variables: { statuses: can('members.manage') ? [...ALL_MEMBER_STATUSES] : null } });
  const shown = data ?? previousData;

  const apply = (next: AuditFilterForm) => setParams(paramsFromForm(next));
  const go = (next: string[]) => setPages({ key: filterKey, cursors: next });

  return (
    <section className="audit-page">
      <div className="toolbar">
        <h1>Audit log</h1>
        <span className="spacer" />
        <AuditRetention canChange={can('roles.manage')} />
      </div>
      <AuditFilters key={filterKey} value={form} actors={actors.data?.members ?? []} onApply={apply} />
      {error && !shown ? <p className="error">{apiProblem(error)?.message}</p> : null}
      {!shown && loading ? <p className="muted">Loading the audit log…</p> : null}
      {shown ? (
        <div aria-busy={loading}>
          <AuditTable entries={shown.auditLog.edges.map((e) => e.node)} />
          <nav className="pager" aria-label="Audit log pages">
            <button type="button" className="secondary" disabled={!cursors.length} onClick={() => go([])}>
              Newest
            </button>
            <button type="button" className="secondary" disabled={!cursors.length} onClick={() => go(cursors.slice(0, -1))}>
              Newer
            </button>
            <span className="muted small">Page {cursors.length + 1}</span>
            <button
              type="button"
              className="secondary"
              disabled={!data?.auditLog.pageInfo.hasNextPage || !data.auditLog.pageInfo.endCursor}
              onClick={() => data?.auditLog.pageInfo.endCursor && go([...cursors, data.auditLog.pageInfo.endCursor])}
            >
              Older
            </button>
          </nav>
        </div>
      ) : null}
    </section>
  );
}
