import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';

export type ToastTone = 'info' | 'success' | 'error';
export interface Toast {
  id: number;
  tone: ToastTone;
  text: string;
  /** Optional link, e.g. to the lead a notification is about. */
  href?: string;
}

interface ToastApi {
  show(text: string, opts?: { tone?: ToastTone; href?: string; ttlMs?: number }): void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });

/** In-app notifications: a polite live region, so screen readers announce them too. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<ToastApi['show']>(
    (text, opts = {}) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-4), { id, text, tone: opts.tone ?? 'info', href: opts.href }]);
      setTimeout(() => dismiss(id), opts.ttlMs ?? 6000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`} data-testid="toast">
            {t.href ? <Link to={t.href}>{t.text}</Link> : <span>{t.text}</span>}
            <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
