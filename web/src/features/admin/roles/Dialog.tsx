import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class on the <dialog>, e.g. for a wider form. */
  className?: string;
}

/**
 * A modal on the native <dialog>: showModal gives focus trapping, Escape and the inert page behind it for free.
 * Rendered only while open (callers mount it conditionally), so its form state starts fresh every time.
 * jsdom has no showModal; there the dialog is simply opened in place.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof el.showModal === 'function') {
      if (!el.open) el.showModal();
    } else {
      el.setAttribute('open', '');
    }
    return () => {
      if (typeof el.close === 'function' && el.open) el.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={className}
      onCancel={(e) => {
        // Escape: let React state decide, rather than the browser closing a dialog React still renders.
        e.preventDefault();
        closeRef.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
