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

/** A value built on first use: most operations (and most subscription events) use one loader or none. */
function lazy<T>(make: () => T): { get: () => T; peek: () => T | undefined } {
  let value: T | undefined;
  return { get: () => (value ??= make()), peek: () => value };
}

export function createLoaders(scope: RequestScope): Loaders {
  const inScope = <T>(fn: () => Promise<T>) => runInScope(scope, fn);
  const once = <T>(load: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return { get: () => (p ??= inScope(load)), reset: () => (p = undefined) };
  };

  const leadById = lazy(
    () =>
      new DataLoader<string, LeadRow | null>((ids) =>
        inScope(async () => byKey(ids, await tenantDb().query<LeadRow>(`select ${LEAD_BY_ID_COLUMNS} from leads l where l.id = any($1::uuid[])`, [valid(ids)]), (r) => r.id)),
      ),
  );
  const memberById = lazy(
    () =>
      new DataLoader<string, MemberRow | null>((ids) =>
        inScope(async () => byKey(ids, await tenantDb().query<MemberRow>(`select ${MEMBER_COLUMNS} from members where user_id = any($1::uuid[])`, [valid(ids)]), (r) => r.id)),
      ),
  );
  const teamById = lazy(
    () =>
      new DataLoader<string, TeamRow | null>((ids) =>
        inScope(async () => byKey(ids, await tenantDb().query<TeamRow>(`select ${TEAM_COLUMNS} from teams where id = any($1::uuid[])`, [valid(ids)]), (r) => r.id)),
      ),
  );
  const activityCountByLead = lazy(
    () =>
      new DataLoader<string, number>((ids) =>
        inScope(async () => {
          const rows = await tenantDb().query<{ leadId: string; n: number }>(
            `select lead_id as "leadId", count(*)::int as n from lead_activities where lead_id = any($1::uuid[]) group by lead_id`,
            [valid(ids)],
          );
          const map = new Map(rows.map((r) => [r.leadId, r.n]));
          return ids.map((id) => map.get(id.toLowerCase()) ?? 0);
        }),
      ),
  );
  const latestActivityByLead = lazy(
    () =>
      new DataLoader<string, ActivityRow | null>((ids) =>
        inScope(async () => {
          const rows = await tenantDb().query<ActivityRow>(
            `select distinct on (lead_id) ${ACTIVITY_COLUMNS} from lead_activities
              where lead_id = any($1::uuid[]) order by lead_id, created_at desc, id desc`,
            [valid(ids)],
          );
          return byKey(ids, rows, (r) => r.leadId);
        }),
      ),
  );
  const statuses = once(() => tenantDb().query<StatusRow>(`select ${STATUS_COLUMNS} from lead_statuses order by position, key`));
  const transitions = once(() =>
    tenantDb().query<{ fromStatusId: string; toStatusId: string }>(
      `select from_status_id as "fromStatusId", to_status_id as "toStatusId" from lead_status_transitions`,
    ),
  );
  const customFields = once(() => tenantDb().query<CustomFieldDefinition>(`select ${CUSTOM_FIELD_COLUMNS} from custom_field_definitions order by position, key`));

  return {
    get leadById() {
      return leadById.get();
    },
    get memberById() {
      return memberById.get();
    },
    get teamById() {
      return teamById.get();
    },
    get activityCountByLead() {
      return activityCountByLead.get();
    },
    get latestActivityByLead() {
      return latestActivityByLead.get();
    },
    statuses: statuses.get,
    statusById: async (id) => (await statuses.get()).find((s) => s.id === id) ?? null,
    transitions: transitions.get,
    customFields: customFields.get,
    clearLead: (id) => {
      leadById.peek()?.clear(id);
      activityCountByLead.peek()?.clear(id);
      latestActivityByLead.peek()?.clear(id);
    },
    resetCatalogues: () => {
      statuses.reset();
      transitions.reset();
      customFields.reset();
      teamById.peek()?.clearAll();
    },
  };
}
