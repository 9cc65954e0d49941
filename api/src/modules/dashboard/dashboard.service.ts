import type { Loaders } from '../../graphql/loaders';
import { BadInputError } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { filterSql, Params } from '../leads/lead.list';
import type { LeadFilter } from '../leads/lead.inputs';
import type { OwnerScope } from '../permissions/owner-scope';
import { MAX_DAYS, type LeadConversionArgs, type LeadsPerDayArgs } from './dashboard.inputs';
import type { LeadConversion, LeadDayCount, LeadOwnerCount, LeadStatusCount } from './dashboard.types';

type Defs = Pick<Loaders, 'customFields'>;

const DAY_MS = 86_400_000;

/**
 * Time zones PostgreSQL has confirmed in this process. The zone list only changes with a server upgrade, and
 * pg_timezone_names reads the zone files on every call (~25 ms): check a zone once, then trust it.
 * Only confirmed names are kept, so the set is bounded by the zone list (~1,200 names).
 */
const knownZones = new Set<string>(['UTC']);

/**
 * Dashboard aggregates. Each is one statement in the request's tenant transaction, filtered by the same
 * `filterSql` as the leads list so a dashboard can be scoped exactly like a list view, and by the same
 * `ownerScope`: someone who sees only their own leads counts only their own leads.
 */
export class DashboardService {
  async countsByStatus(filter: LeadFilter | undefined, loaders: Defs, ownerScope: OwnerScope): Promise<LeadStatusCount[]> {
    const params = new Params();
    const where = await leadWhere(filter, loaders, params, ownerScope);
    return query<LeadStatusCount>(
      `select s.id as "statusId", coalesce(c.n, 0)::int as count, coalesce(c.v, 0)::float8 as value
         from lead_statuses s
         left join (select l.status_id, count(*) as n, sum(l.value) as v from leads l where ${where} group by l.status_id) c
           on c.status_id = s.id
        order by s.position, s.key`,
      params.values,
    );
  }

  async countsByOwner(filter: LeadFilter | undefined, loaders: Defs, ownerScope: OwnerScope): Promise<LeadOwnerCount[]> {
    const params = new Params();
    const where = await leadWhere(filter, loaders, params, ownerScope);
    return query<LeadOwnerCount>(
      `select l.owner_id as "ownerId", count(*)::int as count, coalesce(sum(l.value), 0)::float8 as value
         from leads l where ${where}
        group by l.owner_id
        order by count(*) desc, coalesce(sum(l.value), 0) desc, l.owner_id nulls last`,
      params.values,
    );
  }

  async createdPerDay(args: LeadsPerDayArgs, loaders: Defs, ownerScope: OwnerScope): Promise<LeadDayCount[]> {
    const from = isoDay(args.from);
    const to = isoDay(args.to);
    const days = Math.round((args.to.getTime() - args.from.getTime()) / DAY_MS) + 1;
    if (days < 1) throw new BadInputError('The range ends before it starts', [{ field: 'to', message: 'must not be before from' }]);
    if (days > MAX_DAYS) throw new BadInputError(`The range is longer than ${MAX_DAYS} days`, [{ field: 'to', message: `must be at most ${MAX_DAYS - 1} days after from` }]);

    const timeZone = args.timeZone ?? 'UTC';
    const params = new Params();
    const zone = params.add(timeZone, 'text');
    const first = params.add(from, 'date');
    const last = params.add(to, 'date');
    const where = await leadWhere(args.filter, loaders, params, ownerScope);
    const known = knownZones.has(timeZone);
    // An unknown zone makes `tz` empty, so the statement returns no rows (a valid range has at least one day)
    // and `at time zone` never sees the bad name: validation costs no extra statement.
    const tz = known ? `select ${zone} as name` : `select name from pg_timezone_names where name = ${zone} limit 1`;
    const rows = await query<LeadDayCount>(
      `with tz as (${tz}),
            counts as (
              select (l.created_at at time zone tz.name)::date as day, count(*) as n
                from leads l cross join tz
               where ${where}
                 and l.created_at >= (${first}::timestamp at time zone tz.name)
                 and l.created_at < ((${last} + 1)::timestamp at time zone tz.name)
               group by 1)
       select to_char(d, 'YYYY-MM-DD') as day, coalesce(c.n, 0)::int as count
         from tz cross join generate_series(${first}::timestamp, ${last}::timestamp, interval '1 day') d
         left join counts c on c.day = d::date
        order by d`,
      params.values,
    );
    if (!rows.length) throw new BadInputError('Unknown time zone', [{ field: 'timeZone', message: `${timeZone} is not an IANA time zone name` }]);
    if (!known) knownZones.add(timeZone);
    return rows;
  }

  async conversion(args: LeadConversionArgs, loaders: Defs, ownerScope: OwnerScope): Promise<LeadConversion> {
    if (args.from && args.to && args.from > args.to) {
      throw new BadInputError('The range ends before it starts', [{ field: 'to', message: 'must not be before from' }]);
    }
    const params = new Params();
    const where = [await leadWhere(args.filter, loaders, params, ownerScope)];
    if (args.from) where.push(`l.created_at >= ${params.add(args.from, 'timestamptz')}`);
    if (args.to) where.push(`l.created_at < ${params.add(args.to, 'timestamptz')}`);
    const [row] = (await query<{ won: number; lost: number; open: number }>(
      `select count(*) filter (where s.terminal_kind = 'won')::int as won,
              count(*) filter (where s.terminal_kind = 'lost')::int as lost,
              count(*) filter (where s.terminal_kind = 'open')::int as open
         from leads l join lead_statuses s on s.id = l.status_id
        where ${where.join(' and ')}`,
      params.values,
    )) as [{ won: number; lost: number; open: number }];
    const closed = row.won + row.lost;
    return { ...row, closed, rate: closed ? row.won / closed : null };
  }
}

/** The WHERE of a LeadFilter. Custom field definitions are only loaded (one statement) when the filter names one. */
async function leadWhere(filter: LeadFilter | undefined, loaders: Defs, params: Params, ownerScope: OwnerScope): Promise<string> {
  const defs = filter?.customFields?.length ? await loaders.customFields() : [];
  return filterSql(filter, defs, params, ownerScope).join(' and ');
}

/** Runs an aggregate; a value the filter asks PostgreSQL to cast and it cannot (SQLSTATE class 22) is the caller's input. */
async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  try {
    return await tenantDb().query<T>(sql, params);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code && /^22/.test(code)) throw new BadInputError('Invalid filter value', [{ field: 'filter', message: 'could not be read' }]);
    throw err;
  }
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
