import { useId, useState, type ReactNode } from 'react';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

interface Props {
  title: string;
  /** Short line under the title (what the numbers cover). */
  note?: ReactNode;
  table: ChartTable;
  loading?: boolean;
  error?: string | null;
  className?: string;
  children: ReactNode;
}

/**
 * A chart's frame. The numbers are always in the DOM as a table — visually hidden until "Show table" is pressed —
 * so screen-reader users get the same data the bars show, and anyone can read exact values.
 */
export function ChartCard({ title, note, table, loading, error, className, children }: Props) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  return (
    <section className={`card chart-card ${className ?? ''}`} aria-labelledby={titleId} aria-busy={loading || undefined}>
      <header className="chart-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="link small" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Hide table' : 'Show table'}
          <span className="sr-only"> of {title}</span>
        </button>
      </header>
      {note && <p className="muted small chart-note">{note}</p>}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : loading && table.rows.length === 0 ? (
        <p className="muted chart-loading">Loading…</p>
      ) : (
        children
      )}
      <table id={tableId} className={showTable ? 'data chart-table' : 'sr-only'}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
