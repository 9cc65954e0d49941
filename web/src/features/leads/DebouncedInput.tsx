import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

export const DEBOUNCE_MS = 300;

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onCommit(value: string): void;
}

/**
 * An input that reports its value once typing pauses, so a query runs per pause rather than per key.
 * It follows outside changes of `value` (back/forward, a link, "Clear filters") while the user is not typing in
 * it: while focused, an arriving value is most likely the echo of an earlier pause and must not eat newer keys.
 */
export function DebouncedInput({ value, onCommit, ...rest }: Props) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const sent = useRef(value);
  // The latest callback, so a parent re-rendering with a new function does not restart the pause.
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  }, [onCommit]);

  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    if (document.activeElement !== input.current) setText(value);
  }, [value]);

  useEffect(() => {
    if (text === sent.current) return;
    const t = setTimeout(() => {
      sent.current = text;
      commit.current(text);
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);

  return <input {...rest} ref={input} value={text} onChange={(e) => setText(e.target.value)} />;
}
