import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { AuditDetails } from './AuditDetails';

export const AuditRow_entry = graphql(`
  fragment AuditRow_entry on AuditEntry {
    id
    at
    action
    actorId
    apiKeyId
    actor {
      id
      name
    }
    targetType
    targetId
    args
    changes
    clientIp
    userAgent
    requestId
  }
`);

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const short = (id: string) => id.slice(0, 8);

interface AuditTableProps {
  entries: readonly FragmentType<typeof AuditRow_entry>[];
}

/** Newest first; each row expands (a disclosure button) into its changes, arguments and request details. */
export function AuditTable({ entries: masked }: AuditTableProps) {
  const entries = getFragmentData(AuditRow_entry, masked);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  if (!entries.length) return <p className="empty">No audit entries match.</p>;
  return (
    <table className="data audit-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">
            <span className="sr-only">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const expanded = open.has(e.id);
          const when = TIME.format(new Date(e.at));
          const actor = e.actor?.name ?? (e.apiKeyId ? `API key ${short(e.apiKeyId)}` : e.actorId ? `Former member ${short(e.actorId)}` : 'System');
          return (
            <Fragment key={e.id}>
              <tr data-testid="audit-row">
                <td>
                  <time dateTime={e.at}>{when}</time>
                </td>
                <td>{actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.targetType === 'Lead' && e.targetId ? (
                    <Link to={`/leads/${e.targetId}`}>Lead {short(e.targetId)}</Link>
                  ) : (
                    <span>
                      {e.targetType ?? '—'} {e.targetId ? <span className="muted">{short(e.targetId)}</span> : null}
                    </span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={expanded}
                    aria-controls={`audit-details-${e.id}`}
                    aria-label={`Details of ${e.action} at ${when}`}
                    onClick={() => toggle(e.id)}
                  >
                    {expanded ? 'Hide' : 'Details'}
                  </button>
                </td>
              </tr>
              {expanded ? (
                <tr className="audit-expanded">
                  <td colSpan={5}>
                    <AuditDetails
                      id={`audit-details-${e.id}`}
                      changes={e.changes ?? null}
                      args={e.args ?? null}
                      clientIp={e.clientIp ?? null}
                      userAgent={e.userAgent ?? null}
                      requestId={e.requestId ?? null}
                      targetId={e.targetId ?? null}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
