import pg from 'pg';

/**
 * Records the text of every query any pg client of this process sends, until restore(): what reaches PostgreSQL,
 * opening messages and read units included (the platform's onStatement sees only tenant statements).
 */
export function watchPgTexts(): { sent: string[]; restore(): void } {
  const original = pg.Client.prototype.query;
  const sent: string[] = [];
  pg.Client.prototype.query = function watched(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    sent,
    restore: () => {
      pg.Client.prototype.query = original;
    },
  };
}
