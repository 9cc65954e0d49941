import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { LeadFilter } from '../../gql/graphql';
import { apiProblem } from '../../lib/errors';
import { ChartCard } from './ChartCard';
import { formatCount } from './chart-scale';

export const ConversionDocument = graphql(`
  query DashboardConversion($from: DateTimeISO, $filter: LeadFilter) {
    leadConversion(from: $from, filter: $filter) {
      open
      won
      lost
      closed
      rate
    }
  }
`);

interface Props {
  days: number;
  fromInstant: string;
  filter: LeadFilter | null;
}

const W = 1000;
const H = 56;

export const formatRate = (rate: number | null | undefined) => (rate == null ? '—' : `${Math.round(rate * 100)}%`);

/** Won, lost and open among leads created in the range, as one stacked bar, with the win rate (won / closed). */
export function ConversionCard({ days, fromInstant, filter }: Props) {
  const { data, previousData, loading, error } = useQuery(ConversionDocument, { variables: { from: fromInstant, filter } });
  const c = (data ?? previousData)?.leadConversion;
  const parts = c
    ? [
        { key: 'won', label: 'Won', value: c.won, color: 'var(--chart-won)' },
        { key: 'lost', label: 'Lost', value: c.lost, color: 'var(--chart-lost)' },
        { key: 'open', label: 'Open', value: c.open, color: 'var(--chart-open)' },
      ]
    : [];
  const total = parts.reduce((s, p) => s + p.value, 0);
  let x = 0;
  const summary = c
    ? `Conversion: won ${c.won}, lost ${c.lost}, open ${c.open}; win rate ${formatRate(c.rate)}.`
    : 'Conversion: no data.';
  return (
    <ChartCard
      title="Conversion"
      note={`Leads created in the last ${days} days. Win rate = won / (won + lost).`}
      loading={loading}
      error={error ? apiProblem(error)?.message : null}
      className="wide"
      table={{ columns: ['Outcome', 'Leads'], rows: [...parts.map((p) => [p.label, p.value]), ['Win rate', formatRate(c?.rate)]] }}
    >
      <p className="win-rate">
        <span className="big" data-testid="win-rate">
          {formatRate(c?.rate)}
        </span>{' '}
        <span className="muted">win rate</span>
      </p>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {total === 0 ? (
          <rect x={0} y={8} width={W} height={28} style={{ fill: "var(--border)" }} />
        ) : (
          parts.map((p) => {
            const w = (p.value / total) * W;
            const rect = (
              <g key={p.key}>
                <rect x={x} y={8} width={w} height={28} style={{ fill: p.color }} />
                <title>{`${p.label}: ${formatCount(p.value)} (${Math.round((p.value / total) * 100)}%)`}</title>
              </g>
            );
            x += w;
            return rect;
          })
        )}
      </svg>
      <ul className="legend" aria-hidden="true">
        {parts.map((p) => (
          <li key={p.key}>
            <span className="swatch" style={{ background: p.color }} /> {p.label} {formatCount(p.value)}
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
