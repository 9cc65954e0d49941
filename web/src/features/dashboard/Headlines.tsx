import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatAmount, formatCount } from './chart-scale';

export const HeadlinesStatusCountFragment = graphql(`
  fragment Headlines_statusCount on LeadStatusCount {
    count
    value
    status {
      id
      kind
    }
  }
`);

interface Props {
  counts: FragmentType<typeof HeadlinesStatusCountFragment>[] | undefined;
}

/** Headline numbers derived from the per-status counts (every status is listed, so the sums are complete). */
export function Headlines(props: Props) {
  const counts = getFragmentData(HeadlinesStatusCountFragment, props.counts);
  const sum = (pick: (c: NonNullable<typeof counts>[number]) => number, kind?: string) =>
    (counts ?? []).filter((c) => !kind || c.status.kind === kind).reduce((s, c) => s + pick(c), 0);
  const items = [
    { key: 'live', label: 'Live leads', value: counts ? formatCount(sum((c) => c.count)) : '…' },
    { key: 'open', label: 'Open leads', value: counts ? formatCount(sum((c) => c.count, 'open')) : '…' },
    { key: 'open-value', label: 'Open pipeline value', value: counts ? formatAmount(sum((c) => c.value, 'open')) : '…' },
    { key: 'won-value', label: 'Won value', value: counts ? formatAmount(sum((c) => c.value, 'won')) : '…' },
  ];
  return (
    <dl className="headlines" aria-label="Headline numbers">
      {items.map((i) => (
        <div key={i.key} className="card headline" data-testid={`headline-${i.key}`}>
          <dt className="muted small">{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
