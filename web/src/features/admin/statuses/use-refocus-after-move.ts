import { useEffect, useRef, useState } from 'react';

/**
 * Keyboard reordering with up/down buttons: a moved row is re-inserted in the DOM, which drops focus. This puts it
 * back on the same arrow of the moved row (or the other arrow once the row reached an end), so keyboard users can
 * keep pressing. The buttons carry data-move="<id>:<delta>".
 */
export function useRefocusAfterMove<T extends HTMLElement>(orderKey: string) {
  const containerRef = useRef<T>(null);
  const [moved, setMoved] = useState<{ id: string; delta: -1 | 1 } | null>(null);
  useEffect(() => {
    if (!moved) return;
    const q = (d: number) => containerRef.current?.querySelector<HTMLButtonElement>(`[data-move="${moved.id}:${d}"]`);
    const target = q(moved.delta);
    (target && !target.disabled ? target : q(-moved.delta))?.focus();
  }, [moved, orderKey]);
  return { containerRef, setMoved };
}
