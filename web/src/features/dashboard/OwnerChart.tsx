import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { ChartCard } from './ChartCard';
import { formatAmount, formatCount } from './chart-scale';
import { HorizontalBarChart } from './HorizontalBarChart';

export const OwnerChartCountFragment = graphql(`
  fragment OwnerChart_count on LeadOwnerCount {
    count
    value
    ownerId
    owner {
      id
      name
    }
  }
`);

interface Props {
  counts: FragmentType<typeof OwnerChartCountFragment>[] | undefined;
  loading: boolean;
  error: string | null;
}

/** Who holds the live leads, most first. A null owner is either unassigned or someone who left the tenant. */
export function OwnerChart(props: Props) {
  const counts = getFragmentData(OwnerChartCountFragment, props.counts) ?? [];
  const bars = counts.map((c) => {
    const label = c.owner?.name ?? (c.ownerId ? 'Former member' : 'Unassigned');
    return {
      key: c.ownerId ?? 'unassigned',
      label,
      value: c.count,
      color: c.ownerId ? undefined : 'var(--chart-muted)',
      title: `${label}: ${formatCount(c.count)} leads, value ${formatAmount(c.value)}`,
    };
  });
  const summary = bars.length ? `Leads by owner: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}.` : 'Leads by owner: no leads.';
  return (
    <ChartCard
      title="Leads by owner"
      note="Live leads now, most first."
      loading={props.loading}
      error={props.error}
      table={{ columns: ['Owner', 'Leads', 'Value'], rows: bars.map((b, i) => [b.label, b.value, formatAmount(counts[i]?.value ?? 0)]) }}
    >
      {bars.length ? <HorizontalBarChart bars={bars} summary={summary} xLabel="Leads" /> : <p className="muted">No leads yet.</p>}
    </ChartCard>
  );
}
