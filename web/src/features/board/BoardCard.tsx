import { useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { BoardStatus } from './board-data';

export const BoardCardFragment = graphql(`
  fragment BoardCard_lead on Lead {
    id
    name
    company
    value
    currency
    owner {
      id
      name
    }
  }
`);

const money = (value: number, currency: string | null | undefined) => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'USD', maximumFractionDigits: 0 }).format(value);
  } catch {
    // An unknown ISO code would throw; the number alone is still useful.
    return `${value.toLocaleString()} ${currency ?? ''}`.trim();
  }
};

export interface CardMoveTarget {
  id: string;
  name: string;
  statusId: string;
}

interface Props {
  lead: FragmentType<typeof BoardCardFragment>;
  statusId: string;
  statuses: readonly BoardStatus[];
  /** Statuses the workflow allows from this card's status. */
  allowed: ReadonlySet<string>;
  canMove: boolean;
  /** Picked up with the keyboard: arrows now choose a column. */
  picked: boolean;
  /** The card was just moved with the keyboard or the menu: it takes the focus back after remounting. */
  takeFocus: boolean;
  onDragStart(card: CardMoveTarget): void;
  onDragEnd(): void;
  onKey(card: CardMoveTarget, key: 'pick' | 'left' | 'right' | 'drop' | 'cancel'): void;
  onBlurPicked(): void;
  onMoveTo(card: CardMoveTarget, statusId: string): void;
}

const KEYS: Record<string, 'left' | 'right' | 'cancel'> = { ArrowLeft: 'left', ArrowRight: 'right', Escape: 'cancel' };

/** One lead on the board: a link to the lead, drag handle (the whole card) and a "Move to…" menu for keyboards. */
export function BoardCard(props: Props) {
  const lead = getFragmentData(BoardCardFragment, props.lead);
  const card: CardMoveTarget = { id: lead.id, name: lead.name, statusId: props.statusId };
  const ref = useRef<HTMLElement>(null);
  const { takeFocus } = props;
  useEffect(() => {
    // A move remounts the card in another column; without this, keyboard users would lose their place.
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Only keys on the card itself: Space in the menu or Enter on the link keep their usual meaning.
    if (e.target !== e.currentTarget || !props.canMove) return;
    let action: 'pick' | 'left' | 'right' | 'drop' | 'cancel' | undefined = KEYS[e.key];
    if (e.key === ' ' || e.key === 'Enter') action = props.picked ? 'drop' : e.key === ' ' ? 'pick' : undefined;
    if (!action || (!props.picked && action !== 'pick')) return;
    e.preventDefault();
    props.onKey(card, action);
  };

  const onDragStart = (e: DragEvent<HTMLElement>) => {
    e.dataTransfer?.setData('text/plain', lead.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    props.onDragStart(card);
  };

  return (
    <article
      ref={ref}
      className={`board-card${props.picked ? ' picked' : ''}`}
      data-testid="board-card"
      data-lead-id={lead.id}
      tabIndex={0}
      aria-label={lead.name}
      aria-describedby={props.canMove ? 'board-keyboard-help' : undefined}
      draggable={props.canMove}
      onDragStart={onDragStart}
      onDragEnd={props.onDragEnd}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (props.picked && e.target === e.currentTarget) props.onBlurPicked();
      }}
    >
      <Link to={`/leads/${lead.id}`} className="board-card-name" draggable={false}>
        {lead.name}
      </Link>
      {lead.company && <div className="board-card-company">{lead.company}</div>}
      <div className="board-card-meta">
        <span className="board-card-value">{lead.value != null ? money(lead.value, lead.currency) : <span className="muted">No value</span>}</span>
        <span className="board-card-owner muted">{lead.owner?.name ?? 'Unassigned'}</span>
      </div>
      {props.canMove && (
        <select
          className="board-card-move"
          aria-label={`Move ${lead.name} to`}
          value=""
          onChange={(e) => e.target.value && props.onMoveTo(card, e.target.value)}
        >
          <option value="">Move to…</option>
          {props.statuses
            .filter((s) => s.id !== props.statusId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {props.allowed.has(s.id) ? s.label : `${s.label} (not allowed)`}
              </option>
            ))}
        </select>
      )}
    </article>
  );
}
