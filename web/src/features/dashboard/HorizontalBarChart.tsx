import { formatCompact, niceScale } from './chart-scale';
import type { Bar } from './BarChart';

interface Props {
  bars: Bar[];
  summary: string;
  xLabel: string;
}

const W = 480;
const ROW = 28;
const M = { top: 8, right: 48, bottom: 40, left: 120 };

/** Horizontal bars: long category names (people) stay readable; the value is written at the end of each bar. */
export function HorizontalBarChart({ bars, summary, xLabel }: Props) {
  const scale = niceScale(Math.max(0, ...bars.map((b) => b.value)));
  const plotW = W - M.left - M.right;
  const plotH = Math.max(ROW, bars.length * ROW);
  const height = M.top + plotH + M.bottom;
  const x = (v: number) => M.left + (v / scale.max) * plotW;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary}>
      <g className="axis x-axis" aria-hidden="true">
        {scale.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={M.top + plotH} className="grid" />
            <text x={x(t)} y={M.top + plotH + 16} textAnchor="middle">
              {formatCompact(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={M.left + plotW / 2} y={height - 6} textAnchor="middle">
          {xLabel}
        </text>
      </g>
      {bars.map((b, i) => {
        const top = M.top + i * ROW;
        return (
          <g key={b.key} className="bars">
            <rect x={0} y={top} width={W} height={ROW} className="hit" />
            <text x={M.left - 8} y={top + ROW / 2} dy="0.32em" textAnchor="end" className="category" aria-hidden="true">
              {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            <rect x={M.left} y={top + 5} width={Math.max(0, x(b.value) - M.left)} height={ROW - 10} style={b.color ? { fill: b.color } : undefined} className="bar" />
            <text x={x(b.value) + 6} y={top + ROW / 2} dy="0.32em" className="value" aria-hidden="true">
              {b.value}
            </text>
            <title>{b.title ?? `${b.label}: ${b.value}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
