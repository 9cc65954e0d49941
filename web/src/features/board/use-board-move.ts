import { useCallback, useMemo, useState } from 'react';
import { apiProblem } from '../../lib/errors';
import { useChangeLeadStatusMutation } from '../lead-detail/use-change-lead-status-mutation';
import type { CardMoveTarget } from './BoardCard';
import type { BoardStatus } from './board-data';

export interface BoardMove {
  /** Statuses the workflow allows from each status. */
  allowedFrom(statusId: string): ReadonlySet<string>;
  /** Moves a card; the card shows in the target column at once and goes back if the API refuses. */
  move(card: CardMoveTarget, toStatusId: string): Promise<void>;
  /** The last refusal, shown as an alert until the next move or a dismissal. */
  refusal: string | null;
  dismissRefusal(): void;
  /** Polite screen reader narration of picks, moves and refusals. */
  announcement: string;
  announce(text: string): void;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The board's moves. The workflow is checked here first so a move it forbids never reaches the API; the API checks
 * again (the workflow may have changed since the board loaded) and its TRANSITION_NOT_ALLOWED rolls the optimistic
 * move back.
 */
export function useBoardMove(statuses: readonly BoardStatus[]): BoardMove {
  const [changeStatus] = useChangeLeadStatusMutation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const byId = useMemo(() => new Map(statuses.map((s) => [s.id, s])), [statuses]);
  const allowed = useMemo(() => new Map(statuses.map((s) => [s.id, new Set(s.allowedTransitions.map((t) => t.id))])), [statuses]);
  const allowedFrom = useCallback((statusId: string) => allowed.get(statusId) ?? NONE, [allowed]);

  const move = useCallback(
    async (card: CardMoveTarget, toStatusId: string) => {
      const from = byId.get(card.statusId);
      const to = byId.get(toStatusId);
      if (!to || toStatusId === card.statusId) return;
      const fromLabel = from?.label ?? 'its status';
      if (!allowedFrom(card.statusId).has(toStatusId)) {
        const text = `${card.name} stays in ${fromLabel}: the workflow does not allow moving from ${fromLabel} to ${to.label}.`;
        setRefusal(text);
        setAnnouncement('');
        return;
      }
      setRefusal(null);
      setAnnouncement(`Moved ${card.name} to ${to.label}.`);
      try {
        const result = await changeStatus({ leadId: card.id, status: { id: to.id, key: to.key, label: to.label, color: to.color, kind: to.kind } });
        if (result.error) throw result.error;
      } catch (error) {
        // The optimistic layer is already gone, so the card is back in its column; say why.
        const problem = apiProblem(error);
        setRefusal(`${card.name} stays in ${fromLabel}: ${problem?.message ?? 'the move failed.'}`);
        setAnnouncement('');
      }
    },
    [byId, allowedFrom, changeStatus],
  );

  return {
    allowedFrom,
    move,
    refusal,
    dismissRefusal: useCallback(() => setRefusal(null), []),
    announcement,
    announce: setAnnouncement,
  };
}
