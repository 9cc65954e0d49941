import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { usePermissions } from '../../auth/permissions';
import { apiProblem } from '../../lib/errors';
import type { LeadFilter } from '../../gql/graphql';
import type { CardMoveTarget } from './BoardCard';
import { BoardColumn, dropState, type ActiveMove } from './BoardColumn';
import { BoardStatusesDocument, ColumnFeed, deriveColumns, PAGE_SIZE, type ColumnFeedResult } from './board-data';
import { useBoardMove } from './use-board-move';
import './board.css';

const NO_STATUSES: never[] = [];

/** The search box waits for a pause in typing so each keystroke does not refetch every column. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** The pipeline: a column per status, cards moved by drag and drop, the "Move to…" menu or the keyboard. */
export function BoardPage() {
  const { can, me } = usePermissions();
  const statusesQuery = useQuery(BoardStatusesDocument, { fetchPolicy: 'cache-and-network' });
  const statuses = statusesQuery.data?.leadStatuses ?? NO_STATUSES;
  const board = useBoardMove(statuses);
  const canMove = can('leads.update');

  const [search, setSearch] = useState('');
  const [mine, setMine] = useState(false);
  const settledSearch = useDebounced(search.trim(), 300);
  const filter = useMemo(() => {
    const f: Omit<LeadFilter, 'statusIds'> = {};
    if (settledSearch) f.search = settledSearch;
    if (mine && me) f.ownerIds = [me.id];
    return f;
  }, [settledSearch, mine, me]);

  const [limits, setLimits] = useState<Record<string, number>>({});
  useEffect(() => setLimits({}), [filter]);
  const [feeds, setFeeds] = useState<Record<string, ColumnFeedResult>>({});
  const onResult = useCallback((id: string, r: ColumnFeedResult) => setFeeds((all) => ({ ...all, [id]: r })), []);
  const columns = useMemo(() => deriveColumns(statuses, feeds), [statuses, feeds]);

  const [active, setActive] = useState<ActiveMove | null>(null);
  const [focusLeadId, setFocusLeadId] = useState<string | null>(null);
  const label = (id: string) => statuses.find((s) => s.id === id)?.label ?? '';

  const onKey = (card: CardMoveTarget, key: 'pick' | 'left' | 'right' | 'drop' | 'cancel') => {
    if (key === 'pick') {
      setFocusLeadId(null);
      setActive({ card, mode: 'keyboard', targetId: card.statusId });
      board.announce(`Picked up ${card.name} in ${label(card.statusId)}. Left and Right arrows choose a column, Enter drops, Escape cancels.`);
      return;
    }
    if (!active) return;
    if (key === 'left' || key === 'right') {
      const i = statuses.findIndex((s) => s.id === active.targetId);
      const next = statuses[Math.min(statuses.length - 1, Math.max(0, i + (key === 'left' ? -1 : 1)))];
      if (!next) return;
      setActive({ ...active, targetId: next.id });
      const state = dropState(active, next.id, board.allowedFrom);
      board.announce(`${next.label}${state === 'blocked' ? ', not allowed' : state === 'origin' ? ', where it is now' : ''}.`);
      return;
    }
    setActive(null);
    if (key === 'cancel' || active.targetId === active.card.statusId) {
      board.announce(`Move cancelled. ${active.card.name} stays in ${label(active.card.statusId)}.`);
      return;
    }
    setFocusLeadId(active.card.id);
    void board.move(active.card, active.targetId);
  };

  if (statusesQuery.error && !statusesQuery.data) {
    return (
      <>
        <h1>Pipeline</h1>
        <p className="error" role="alert">
          {apiProblem(statusesQuery.error)?.message}
        </p>
      </>
    );
  }

  return (
    <div className="board-page">
      <h1>Pipeline</h1>
      <div className="toolbar">
        <label>
          Search
          <input type="search" value={search} placeholder="Name, company, email…" onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} disabled={!me} />
          Only my leads
        </label>
      </div>
      {canMove && (
        <p id="board-keyboard-help" className="muted small">
          Drag a card to another column, or focus a card and press Space, choose a column with the Left and Right arrows, then Enter (Escape cancels).
        </p>
      )}
      <div className="sr-only" aria-live="polite" data-testid="board-announcer">
        {board.announcement}
      </div>
      {board.refusal && (
        <div className="board-refusal" role="alert">
          <span>{board.refusal}</span>
          <button type="button" className="link" aria-label="Dismiss message" onClick={board.dismissRefusal}>
            ×
          </button>
        </div>
      )}
      {statuses.map((s) => (
        <ColumnFeed key={s.id} statusId={s.id} filter={filter} limit={limits[s.id] ?? PAGE_SIZE} onResult={onResult} />
      ))}
      {statusesQuery.loading && statuses.length === 0 ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className={`board${active ? ' moving' : ''}`} data-testid="board">
          {columns.map((column) => (
            <BoardColumn
              key={column.status.id}
              column={column}
              statuses={statuses}
              allowedFrom={board.allowedFrom}
              canMove={canMove}
              active={active}
              focusLeadId={focusLeadId}
              onDragStart={(card) => {
                setFocusLeadId(null);
                setActive({ card, mode: 'drag', targetId: card.statusId });
              }}
              onDragEnd={() => setActive(null)}
              onDragOverColumn={(id) => setActive((a) => a && { ...a, targetId: id })}
              onDrop={(id) => {
                if (active) void board.move(active.card, id);
                setActive(null);
              }}
              onKey={onKey}
              onBlurPicked={() => setActive(null)}
              onMoveTo={(card, id) => {
                setFocusLeadId(card.id);
                void board.move(card, id);
              }}
              onLoadMore={(id) => setLimits((l) => ({ ...l, [id]: (l[id] ?? PAGE_SIZE) + PAGE_SIZE }))}
            />
          ))}
        </div>
      )}
    </div>
  );
}
