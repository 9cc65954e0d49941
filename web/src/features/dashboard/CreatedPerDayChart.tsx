import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { LeadFilter } from '../../gql/graphql';
import { apiProblem } from '../../lib/errors';
import { BarChart } from './BarChart';
import { ChartCard } from './ChartCard';
import { formatCount } from './chart-scale';
import { dayLabel, type RangeDays, type RangeVariables } from './range';

export const CreatedPerDayDocument = graphql(`
  query DashboardCreatedPerDay($from: Date!, $to: Date!, $timeZone: String, $filter: LeadFilter) {
    leadsCreatedPerDay(from: $from, to: $to, timeZone: $timeZone, filter: $filter) {
      day
      count
    }
  }
`);

interface Props {
  days: RangeDays;
  range: RangeVariables;
  filter: LeadFilter | null;
}

const LABEL_EVERY: Record<RangeDays, number> = { 7: 1, 30: 5, 90: 14 };

/** New leads per calendar day in the browser's time zone; the API zero-fills every day of the range. */
export function CreatedPerDayChart({ days, range, filter }: Props) {
  const { data, previousData, loading, error } = useQuery(CreatedPerDayDocument, {
    variables: { from: range.from, to: range.to, timeZone: range.timeZone, filter },
  });
  const rows = (data ?? previousData)?.leadsCreatedPerDay ?? [];
  const total = rows.reduce((s, r) => s + r.count, 0);
  const peak = rows.reduce<(typeof rows)[number] | null>((best, r) => (!best || r.count > best.count ? r : best), null);
  const bars = rows.map((r) => ({
    key: r.day,
    label: dayLabel(r.day),
    value: r.count,
    title: `${dayLabel(r.day, { weekday: 'short', month: 'short', day: 'numeric' })}: ${formatCount(r.count)} created`,
  }));
  const summary = rows.length
    ? `Leads created per day, ${dayLabel(range.from)} to ${dayLabel(range.to)}: ${total} in total` +
      (peak && peak.count > 0 ? `, most on ${dayLabel(peak.day)} (${peak.count}).` : '.')
    : 'Leads created per day: no data.';
  return (
    <ChartCard
      title="Leads created per day"
      note={`Last ${days} days (${range.timeZone}): ${formatCount(total)} created.`}
      loading={loading}
      error={error ? apiProblem(error)?.message : null}
      className="wide"
      table={{ columns: ['Day', 'Created'], rows: rows.map((r) => [r.day, r.count]) }}
    >
      <BarChart bars={bars} summary={summary} xLabel="Day" yLabel="Leads created" labelEvery={LABEL_EVERY[days]} width={1000} height={220} />
    </ChartCard>
  );
}
