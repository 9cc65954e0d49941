import type { DragEvent } from 'react';
import { apiProblem } from '../../lib/errors';
import { BoardCard, type CardMoveTarget } from './BoardCard';
import type { BoardColumnData, BoardStatus } from './board-data';

/** A card being moved: by the mouse (drag) or the keyboard (picked up, target chosen with the arrows). */
export interface ActiveMove {
  card: CardMoveTarget;
  mode: 'drag' | 'keyboard';
  targetId: string;
}

interface Props {
  column: BoardColumnData;
  statuses: readonly BoardStatus[];
  allowedFrom(statusId: string): ReadonlySet<string>;
  canMove: boolean;
  active: ActiveMove | null;
  focusLeadId: string | null;
  onDragStart(card: CardMoveTarget): void;
  onDragEnd(): void;
  onDragOverColumn(statusId: string): void;
  onDrop(statusId: string): void;
  onKey(card: CardMoveTarget, key: 'pick' | 'left' | 'right' | 'drop' | 'cancel'): void;
  onBlurPicked(): void;
  onMoveTo(card: CardMoveTarget, statusId: string): void;
  onLoadMore(statusId: string): void;
}

export type DropState = 'origin' | 'allowed' | 'blocked' | undefined;

export function dropState(active: ActiveMove | null, statusId: string, allowedFrom: Props['allowedFrom']): DropState {
  if (!active) return undefined;
  if (active.card.statusId === statusId) return 'origin';
  return allowedFrom(active.card.statusId).has(statusId) ? 'allowed' : 'blocked';
}

/** One status of the pipeline: its cards, a drop target while a card is moving. */
export function BoardColumn(props: Props) {
  const { column, active } = props;
  const { status } = column;
  const state = dropState(active, status.id, props.allowedFrom);
  const targeted = active?.targetId === status.id;
  const headingId = `board-col-${status.id}`;

  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (active?.mode !== 'drag' || state === 'origin') return;
    // A forbidden column still accepts the drop, so the user is told why the card stays where it was.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    if (!targeted) props.onDragOverColumn(status.id);
  };

  return (
    <section
      className={`board-column${state ? ` drop-${state}` : ''}${targeted ? ' drop-target' : ''}`}
      aria-labelledby={headingId}
      data-testid={`board-column-${status.key}`}
      data-drop={state}
      onDragOver={onDragOver}
      onDrop={(e) => {
        if (active?.mode !== 'drag') return;
        e.preventDefault();
        props.onDrop(status.id);
      }}
    >
      <header className="board-column-head" style={{ borderTopColor: status.color }}>
        <h2 id={headingId}>{status.label}</h2>
        <span className="badge" data-testid="column-count" aria-label={`${column.count} leads`}>
          {column.count}
        </span>
        {state === 'blocked' && <span className="board-drop-note">Not allowed</span>}
        {state === 'allowed' && <span className="board-drop-note">Drop here</span>}
      </header>
      {column.error ? (
        <p className="error" role="alert">
          {apiProblem(column.error)?.message}
        </p>
      ) : column.loading ? (
        <p className="muted small">Loading…</p>
      ) : column.leads.length === 0 ? (
        <p className="muted small board-empty">No leads</p>
      ) : null}
      <ul className="board-cards" aria-labelledby={headingId}>
        {column.leads.map((lead) => (
          <li key={lead.id}>
            <BoardCard
              lead={lead}
              statusId={status.id}
              statuses={props.statuses}
              allowed={props.allowedFrom(status.id)}
              canMove={props.canMove}
              picked={active?.mode === 'keyboard' && active.card.id === lead.id}
              takeFocus={props.focusLeadId === lead.id}
              onDragStart={props.onDragStart}
              onDragEnd={props.onDragEnd}
              onKey={props.onKey}
              onBlurPicked={props.onBlurPicked}
              onMoveTo={props.onMoveTo}
            />
          </li>
        ))}
      </ul>
      {column.hasNextPage && (
        <button type="button" className="secondary board-more" aria-label={`Load more leads in ${status.label}`} onClick={() => props.onLoadMore(status.id)}>
          Load more
        </button>
      )}
    </section>
  );
}
