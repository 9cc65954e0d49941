import { useEffect, useRef, useState } from 'react';
import { UNASSIGNED, type LeadsView } from './leads-url-state';

interface Props {
  view: LeadsView;
  statuses: ReadonlyArray<{ id: string; label: string }>;
  members: ReadonlyArray<{ id: string; name: string }>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  showDeletedToggle: boolean;
  onChange(change: Partial<LeadsView>, opts?: { replace?: boolean }): void;
}

export const SEARCH_DEBOUNCE_MS = 300;

/** Search (debounced: one request per pause in typing, not per key) and the filters users reach for most. */
export function LeadFilters({ view, statuses, members, teams, showDeletedToggle, onChange }: Props) {
  const [text, setText] = useState(view.q);
  const sent = useRef(view.q);
  // Back/forward or a link changes the URL: the box follows unless it holds newer typing.
  useEffect(() => {
    if (view.q !== sent.current) {
      sent.current = view.q;
      setText(view.q);
    }
  }, [view.q]);
  useEffect(() => {
    if (text === sent.current) return;
    const t = setTimeout(() => {
      sent.current = text;
      onChange({ q: text }, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, onChange]);

  const active = Boolean(view.q || view.status || view.owner || view.team || view.deleted);
  return (
    <div className="toolbar leads-filters" role="search" aria-label="Filter leads">
      <label>
        Search
        <input type="search" value={text} placeholder="Name, company, email, phone" onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        Status
        <select value={view.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">All statuses</option>
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <select value={view.owner} onChange={(e) => onChange({ owner: e.target.value })}>
          <option value="">Anyone</option>
          <option value={UNASSIGNED}>Unassigned</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {teams.length ? (
        <label>
          Team
          <select value={view.team} onChange={(e) => onChange({ team: e.target.value })}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {showDeletedToggle ? (
        <label className="inline">
          <input type="checkbox" checked={view.deleted} onChange={(e) => onChange({ deleted: e.target.checked })} />
          Deleted leads
        </label>
      ) : null}
      {active ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            sent.current = '';
            setText('');
            onChange({ q: '', status: '', owner: '', team: '', deleted: false });
          }}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
