import { formatCompact, formatCount, niceScale } from './chart-scale';

export interface Bar {
  key: string;
  label: string;
  value: number;
  color?: string;
  /** Tooltip text (SVG <title>); defaults to "label: value". */
  title?: string;
}

interface Props {
  bars: Bar[];
  /** The aria-label: a one-sentence summary of the data. */
  summary: string;
  xLabel: string;
  yLabel: string;
  /** With many bars (days), only every nth category label is drawn. */
  labelEvery?: number;
  /** viewBox size: about the rendered size, so the 11px axis text stays about 11px on screen. */
  width?: number;
  height?: number;
}

const M = { top: 12, right: 12, bottom: 44, left: 48 };

/** Vertical bars (columns) with a y axis of round ticks; each bar carries its own tooltip. */
export function BarChart({ bars, summary, xLabel, yLabel, labelEvery = 1, width: W = 480, height = 240 }: Props) {
  const scale = niceScale(Math.max(0, ...bars.map((b) => b.value)));
  const plotW = W - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const slot = bars.length ? plotW / bars.length : plotW;
  const barW = Math.max(1, Math.min(56, slot * 0.7));
  const y = (v: number) => M.top + plotH - (v / scale.max) * plotH;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
      <g className="axis y-axis" aria-hidden="true">
        {scale.ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {formatCompact(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" transform={`translate(12 ${M.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
      </g>
      <g className="bars">
        {bars.map((b, i) => {
          const x = M.left + i * slot + (slot - barW) / 2;
          const top = y(b.value);
          return (
            <g key={b.key}>
              {/* A full-height transparent hit area, so even a zero bar shows its tooltip on hover. */}
              <rect x={M.left + i * slot} y={M.top} width={slot} height={plotH} className="hit" />
              <rect x={x} y={top} width={barW} height={Math.max(0, M.top + plotH - top)} style={b.color ? { fill: b.color } : undefined} className="bar" />
              <title>{b.title ?? `${b.label}: ${formatCount(b.value)}`}</title>
            </g>
          );
        })}
      </g>
      <g className="axis x-axis" aria-hidden="true">
        <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} className="baseline" />
        {bars.map((b, i) =>
          i % labelEvery === 0 ? (
            <text key={b.key} x={M.left + i * slot + slot / 2} y={M.top + plotH + 16} textAnchor="middle">
              {b.label.length > 12 ? `${b.label.slice(0, 11)}…` : b.label}
            </text>
          ) : null,
        )}
        <text className="axis-label" x={M.left + plotW / 2} y={height - 6} textAnchor="middle">
          {xLabel}
        </text>
      </g>
    </svg>
  );
}
