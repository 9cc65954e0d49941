import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { BarChart } from './BarChart';
import { ChartCard } from './ChartCard';
import { formatAmount, formatCount } from './chart-scale';

export const StatusChartCountFragment = graphql(`
  fragment StatusChart_count on LeadStatusCount {
    count
    value
    status {
      id
      label
      color
      kind
    }
  }
`);

interface Props {
  counts: FragmentType<typeof StatusChartCountFragment>[] | undefined;
  loading: boolean;
  error: string | null;
}

/** Live leads per status, in pipeline order (the API's order), each bar in its status colour. */
export function StatusChart(props: Props) {
  const counts = getFragmentData(StatusChartCountFragment, props.counts) ?? [];
  const bars = counts.map((c) => ({
    key: c.status.id,
    label: c.status.label,
    value: c.count,
    color: c.status.color,
    title: `${c.status.label}: ${formatCount(c.count)} leads, value ${formatAmount(c.value)}`,
  }));
  const summary = bars.length
    ? `Leads by status: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}.`
    : 'Leads by status: no statuses.';
  return (
    <ChartCard
      title="Leads by status"
      note="Live leads now, in pipeline order."
      loading={props.loading}
      error={props.error}
      table={{ columns: ['Status', 'Leads', 'Value'], rows: counts.map((c) => [c.status.label, c.count, formatAmount(c.value)]) }}
    >
      <BarChart bars={bars} summary={summary} xLabel="Status" yLabel="Leads" />
    </ChartCard>
  );
}
