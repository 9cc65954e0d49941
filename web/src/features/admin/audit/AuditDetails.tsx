/** The expandable part of an audit row: what changed (before → after), the arguments, and where the request came from. */

type Json = Record<string, unknown>;

const isDiff = (v: unknown): v is { before: unknown; after: unknown } => !!v && typeof v === 'object' && 'before' in v && 'after' in v;
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function ChangesTable({ changes }: { changes: Json }) {
  const entries = Object.entries(changes);
  if (!entries.every(([, v]) => isDiff(v))) return <pre className="audit-json">{JSON.stringify(changes, null, 2)}</pre>;
  return (
    <table className="audit-diff">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([field, v]) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td className="audit-before">{show(isDiff(v) ? v.before : v)}</td>
            <td className="audit-after">{show(isDiff(v) ? v.after : v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface AuditDetailsProps {
  id: string;
  changes: Json | null;
  args: Json | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  targetId: string | null;
}

export function AuditDetails({ id, changes, args, clientIp, userAgent, requestId, targetId }: AuditDetailsProps) {
  // A mutation touching several records reports { targets: [{ type, id, changes }] } (e.g. bulk assignment).
  const targets = Array.isArray(changes?.targets) ? (changes.targets as { type?: string; id?: string; changes?: Json }[]) : null;
  return (
    <div className="audit-details" id={id}>
      <h3>Changes</h3>
      {targets ? (
        targets.map((t, i) => (
          <div key={`${t.id ?? i}`}>
            <p className="muted small">
              {t.type} {t.id}
            </p>
            {t.changes ? <ChangesTable changes={t.changes} /> : <p className="muted small">No field changes.</p>}
          </div>
        ))
      ) : changes ? (
        <ChangesTable changes={changes} />
      ) : (
        <p className="muted small">No field changes recorded.</p>
      )}
      <h3>Arguments</h3>
      {args ? <pre className="audit-json">{JSON.stringify(args, null, 2)}</pre> : <p className="muted small">None.</p>}
      <dl className="audit-meta small">
        {targetId ? (
          <>
            <dt>Target ID</dt>
            <dd>
              <code>{targetId}</code>
            </dd>
          </>
        ) : null}
        <dt>Client address</dt>
        <dd>{clientIp ?? '—'}</dd>
        <dt>User agent</dt>
        <dd>{userAgent ?? '—'}</dd>
        <dt>Request</dt>
        <dd>
          <code>{requestId ?? '—'}</code>
        </dd>
      </dl>
    </div>
  );
}
