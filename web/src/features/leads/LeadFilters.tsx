import { useCallback, useState } from 'react';
import { DebouncedInput } from './DebouncedInput';
import { NO_FILTERS, UNASSIGNED, hasFilters, type LeadsView } from './leads-url-state';

interface Props {
  view: LeadsView;
  statuses: ReadonlyArray<{ id: string; label: string }>;
  members: ReadonlyArray<{ id: string; name: string }>;
  teams: ReadonlyArray<{ id: string; name: string }>;
  showDeletedToggle: boolean;
  onChange(change: Partial<LeadsView>, opts?: { replace?: boolean }): void;
}

type TextKey = 'q' | 'valueMin' | 'valueMax' | 'tag' | 'from' | 'to';

/** Search and the filters users reach for most; the rarer ones fold away under "More filters". */
export function LeadFilters({ view, statuses, members, teams, showDeletedToggle, onChange }: Props) {
  // Typed values arrive per pause in typing (debounced), so each is one history entry: Back undoes a search.
  const commit = useCallback((key: TextKey) => (v: string) => onChange({ [key]: v }), [onChange]);
  const commitSearch = useCallback((v: string) => commit('q')(v), [commit]);
  const commitMin = useCallback((v: string) => commit('valueMin')(v), [commit]);
  const commitMax = useCallback((v: string) => commit('valueMax')(v), [commit]);
  const commitTag = useCallback((v: string) => commit('tag')(v), [commit]);
  // Open at first when a link or reload carries one of these filters; after that the user decides.
  const [moreOpen] = useState(() => Boolean(view.valueMin || view.valueMax || view.tag || view.from || view.to));

  return (
    <div className="leads-filters" role="search" aria-label="Filter leads">
      <div className="toolbar">
        <label>
          Search
          <DebouncedInput type="search" value={view.q} placeholder="Name, company, email, phone" onCommit={commitSearch} />
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
        {hasFilters(view) ? (
          <button type="button" className="secondary" onClick={() => onChange(NO_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <details className="more-filters" open={moreOpen || undefined}>
        <summary>More filters</summary>
        <div className="toolbar">
          <label>
            Min value
            <DebouncedInput type="number" min={0} step="any" value={view.valueMin} onCommit={commitMin} />
          </label>
          <label>
            Max value
            <DebouncedInput type="number" min={0} step="any" value={view.valueMax} onCommit={commitMax} />
          </label>
          <label>
            Tag
            <DebouncedInput type="text" value={view.tag} onCommit={commitTag} />
          </label>
          <label>
            Created from
            <input type="date" value={view.from} onChange={(e) => onChange({ from: e.target.value })} />
          </label>
          <label>
            Created to
            <input type="date" value={view.to} onChange={(e) => onChange({ to: e.target.value })} />
          </label>
        </div>
      </details>
    </div>
  );
}
