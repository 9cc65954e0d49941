import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { usePermissions } from '../../auth/permissions';
import { graphql } from '../../gql';
import type { LeadFilter } from '../../gql/graphql';
import { apiProblem } from '../../lib/errors';
import { ConversionCard } from './ConversionCard';
import { CreatedPerDayChart } from './CreatedPerDayChart';
import { Headlines } from './Headlines';
import { OwnerChart } from './OwnerChart';
import { RANGES, rangeVariables, type RangeDays } from './range';
import { StatusChart } from './StatusChart';
import { TeamFilter } from './TeamFilter';
import './dashboard.css';

/** The "now" numbers (not range-bound): one request for the status and owner charts and the headlines. */
export const DashboardSnapshotDocument = graphql(`
  query DashboardSnapshot($filter: LeadFilter) {
    leadCountsByStatus(filter: $filter) {
      ...StatusChart_count
      ...Headlines_statusCount
    }
    leadCountsByOwner(filter: $filter) {
      ...OwnerChart_count
    }
  }
`);

export function DashboardPage({ now }: { now?: Date }) {
  const { can } = usePermissions();
  const [days, setDays] = useState<RangeDays>(30);
  const [teamId, setTeamId] = useState('');
  const filter = useMemo<LeadFilter | null>(() => (teamId ? { teamIds: [teamId] } : null), [teamId]);
  // "now" is fixed per range choice, so re-renders do not produce new variables (and new requests) every time.
  const range = useMemo(() => rangeVariables(days, now), [days, now]);
  const snapshot = useQuery(DashboardSnapshotDocument, { variables: { filter } });
  const data = snapshot.data ?? snapshot.previousData;
  const snapshotError = snapshot.error ? (apiProblem(snapshot.error)?.message ?? null) : null;

  return (
    <div className="dashboard">
      <div className="toolbar">
        <h1>Dashboard</h1>
        <div className="spacer" />
        <TeamFilter value={teamId} onChange={setTeamId} />
        <label>
          Range
          <select value={days} onChange={(e) => setDays(Number(e.target.value) as RangeDays)}>
            {RANGES.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </select>
        </label>
      </div>
      {!can('leads.read.all') && <p className="muted small">These numbers cover the leads you own.</p>}
      <Headlines counts={data?.leadCountsByStatus} />
      <div className="chart-grid">
        <StatusChart counts={data?.leadCountsByStatus} loading={snapshot.loading} error={snapshotError} />
        <OwnerChart counts={data?.leadCountsByOwner} loading={snapshot.loading} error={snapshotError} />
        <CreatedPerDayChart days={days} range={range} filter={filter} />
        <ConversionCard days={days} fromInstant={range.fromInstant} filter={filter} />
      </div>
    </div>
  );
}
