import DataLoader from 'dataloader';
import { runInScope, tenantDb, type RequestScope } from '../tenancy/context';
import { ACTIVITY_COLUMNS, type ActivityRow } from '../modules/activities/activity.types';
import { CUSTOM_FIELD_COLUMNS } from '../modules/custom-fields/custom-field.types';
import type { CustomFieldDefinition } from '../modules/custom-fields/custom-field.validation';
import { LEAD_BY_ID_COLUMNS, type LeadRow } from '../modules/leads/lead.types';
import { MEMBER_COLUMNS, type MemberRow } from '../modules/members/member.types';
import { STATUS_COLUMNS, type StatusRow } from '../modules/statuses/status.types';
import { TEAM_COLUMNS, type TeamRow } from '../modules/teams/team.types';
import { isUuid } from '../tenancy/names';

/**
 * Per-request DataLoaders, built inside the request's tenant scope: a loader never outlives its request and
 * never serves another tenant. Batch functions return one value per key, in key order. Small per-tenant
 * catalogues (statuses, transitions, custom fields) are loaded whole, once per request.
 */
export interface Loaders {
  leadById: DataLoader<string, LeadRow | null>;
  memberById: DataLoader<string, MemberRow | null>;
  teamById: DataLoader<string, TeamRow | null>;
  activityCountByLead: DataLoader<string, number>;
  latestActivityByLead: DataLoader<string, ActivityRow | null>;
  statuses(): Promise<StatusRow[]>;
  statusById(id: string): Promise<StatusRow | null>;
  transitions(): Promise<Array<{ fromStatusId: string; toStatusId: string }>>;
  customFields(): Promise<CustomFieldDefinition[]>;
  /** Forget cached rows after a write in the same operation. */
  clearLead(id: string): void;
  /** Forget the cached catalogues (statuses, transitions, custom fields, teams) after an admin write in the same operation. */
  resetCatalogues(): void;
}

/** Keys are uuids as the client wrote them; PostgreSQL returns them lower-case, and matches them in any case. */
function byKey<T>(keys: readonly string[], rows: T[], key: (r: T) => string): Array<T | null> {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k.toLowerCase()) ?? null);
}

const valid = (keys: readonly string[]) => keys.filter((k) => isUuid(k));

/**
 * One object per request (and per subscription event), its loaders and catalogues made on first use: most operations
 * and most events use one loader or none. A class, not closures over a record: building it allocates one object,
 * where the closures were ~2.5 KiB per request, which at thousands of subscription events a second was the largest
 * share of what the collector had to promote (bench/results/levers.md, round 8).
 */
class RequestLoaders implements Loaders {
  private leads?: DataLoader<string, LeadRow | null>;
  private members?: DataLoader<string, MemberRow | null>;
  private teams?: DataLoader<string, TeamRow | null>;
  private activityCounts?: DataLoader<string, number>;
  private latestActivities?: DataLoader<string, ActivityRow | null>;
  private statusRows?: Promise<StatusRow[]>;
  private transitionRows?: Promise<Array<{ fromStatusId: string; toStatusId: string }>>;
  private customFieldRows?: Promise<CustomFieldDefinition[]>;

  constructor(private readonly scope: RequestScope) {}

  private inScope<T>(fn: () => Promise<T>): Promise<T> {
    return runInScope(this.scope, fn);
  }

  get leadById(): DataLoader<string, LeadRow | null> {
    return (this.leads ??= new DataLoader((ids) =>
      this.inScope(async () => byKey(ids, await tenantDb().query<LeadRow>(`select ${LEAD_BY_ID_COLUMNS} from leads l where l.id = any($1::uuid[])`, [valid(ids)]), (r) => r.id)),
    ));
  }

  get memberById(): DataLoader<string, MemberRow | null> {
    return (this.members ??= new DataLoader((ids) =>
      this.inScope(async () => byKey(ids, await tenantDb().query<MemberRow>(`select ${MEMBER_COLUMNS} from members where user_id = any($1::uuid[])`, [valid(ids)]), (r) => r.id)),
    ));
  }

  get teamById(): DataLoader<string, TeamRow | null> {
    return (this.teams ??= new DataLoader((ids) =>
      this.inScope(async () => byKey(ids, await tenantDb().query<TeamRow>(`select ${TEAM_COLUMNS} from teams where id = any($1::uuid[])`, [valid(ids)]), (r) => r.id)),
    ));
  }

  get activityCountByLead(): DataLoader<string, number> {
    return (this.activityCounts ??= new DataLoader((ids) =>
      this.inScope(async () => {
        const rows = await tenantDb().query<{ leadId: string; n: number }>(
          `select lead_id as "leadId", count(*)::int as n from lead_activities where lead_id = any($1::uuid[]) group by lead_id`,
          [valid(ids)],
        );
        const map = new Map(rows.map((r) => [r.leadId, r.n]));
        return ids.map((id) => map.get(id.toLowerCase()) ?? 0);
      }),
    ));
  }

  get latestActivityByLead(): DataLoader<string, ActivityRow | null> {
    return (this.latestActivities ??= new DataLoader((ids) =>
      this.inScope(async () => {
        const rows = await tenantDb().query<ActivityRow>(
          `select distinct on (lead_id) ${ACTIVITY_COLUMNS} from lead_activities
            where lead_id = any($1::uuid[]) order by lead_id, created_at desc, id desc`,
          [valid(ids)],
        );
        return byKey(ids, rows, (r) => r.leadId);
      }),
    ));
  }

  statuses(): Promise<StatusRow[]> {
    return (this.statusRows ??= this.inScope(() => tenantDb().query<StatusRow>(`select ${STATUS_COLUMNS} from lead_statuses order by position, key`)));
  }

  async statusById(id: string): Promise<StatusRow | null> {
    return (await this.statuses()).find((s) => s.id === id) ?? null;
  }

  transitions(): Promise<Array<{ fromStatusId: string; toStatusId: string }>> {
    return (this.transitionRows ??= this.inScope(() =>
      tenantDb().query<{ fromStatusId: string; toStatusId: string }>(
        `select from_status_id as "fromStatusId", to_status_id as "toStatusId" from lead_status_transitions`,
      ),
    ));
  }

  customFields(): Promise<CustomFieldDefinition[]> {
    return (this.customFieldRows ??= this.inScope(() =>
      tenantDb().query<CustomFieldDefinition>(`select ${CUSTOM_FIELD_COLUMNS} from custom_field_definitions order by position, key`),
    ));
  }

  clearLead(id: string): void {
    this.leads?.clear(id);
    this.activityCounts?.clear(id);
    this.latestActivities?.clear(id);
  }

  resetCatalogues(): void {
    this.statusRows = undefined;
    this.transitionRows = undefined;
    this.customFieldRows = undefined;
    this.teams?.clearAll();
  }
}

export function createLoaders(scope: RequestScope): Loaders {
  return new RequestLoaders(scope);
}
