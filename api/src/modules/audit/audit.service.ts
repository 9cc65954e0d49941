import { BadInputError } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { auditChange } from './audit.context';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, RetentionOutOfRangeError } from './audit.errors';
import type { AuditLogArgs } from './audit.inputs';
import { AUDIT_COLUMNS, type AuditLogConnection, type AuditRow } from './audit.types';
import { normaliseTargetId } from './audit.writer';
import { isUuid } from '../../tenancy/names';

/** A timestamptz as PostgreSQL prints it: what cursors carry. */
const TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:\d\d){0,2}|Z)?$/;
export const DEFAULT_RETENTION_DAYS = 365;

/** Reading the tenant's audit log and its retention. Every method runs in the request's tenant transaction. */
export class AuditService {
  /** Newest first, keyset-paginated on (at, id): a page costs the same however deep it is. */
  async list(args: AuditLogArgs): Promise<AuditLogConnection> {
    const f = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    if (f.actorId) {
      if (!isUuid(f.actorId)) throw new BadInputError('Invalid filter', [{ field: 'filter.actorId', message: 'is not a member id' }]);
      where.push(`actor_id = ${p(f.actorId)}::uuid`);
    }
    if (f.action) {
      if (f.action.endsWith('.*')) where.push(`action like ${p(`${escapeLike(f.action.slice(0, -1))}%`)}`);
      else where.push(`action = ${p(f.action)}`);
    }
    if (f.targetType) where.push(`target_type = ${p(f.targetType)}`);
    if (f.targetId) where.push(`target_id = ${p(normaliseTargetId(f.targetId))}`);
    if (f.from) where.push(`at >= ${p(f.from)}::timestamptz`);
    if (f.to) where.push(`at < ${p(f.to)}::timestamptz`);
    if (args.after) {
      const c = decodeCursor(args.after);
      where.push(`(at, id) < (${p(c.at)}::timestamptz, ${p(c.id)}::uuid)`);
    }
    const rows = await tenantDb()
      .query<AuditRow>(
        `select ${AUDIT_COLUMNS} from audit_log ${where.length ? `where ${where.join(' and ')}` : ''}
          order by at desc, id desc limit ${p(args.first + 1)}`,
        params,
      )
      .catch((err: { code?: string }) => {
        // A cursor PostgreSQL cannot read (a tampered timestamp) is the client's error, not ours.
        if (typeof err.code === 'string' && err.code.startsWith('22')) {
          throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'could not be read' }]);
        }
        throw err;
      });
    const page = rows.slice(0, args.first);
    const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  async retentionDays(): Promise<number> {
    const row = await tenantDb().one<{ days: number }>(`select audit_retention_days as days from tenant_settings`);
    return row?.days ?? DEFAULT_RETENTION_DAYS;
  }

  async setRetentionDays(days: number): Promise<number> {
    if (!Number.isInteger(days) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) throw new RetentionOutOfRangeError(days);
    const before = await this.retentionDays();
    await tenantDb().query(
      `insert into tenant_settings (id, audit_retention_days) values (true, $1)
       on conflict (id) do update set audit_retention_days = excluded.audit_retention_days, updated_at = now()`,
      [days],
    );
    auditChange({ targetType: 'TenantSettings', targetId: null, before: { auditRetentionDays: before }, after: { auditRetentionDays: days } });
    return days;
  }
}

/**
 * Deletes up to `limit` entries older than the tenant's retention, oldest first, in the current tenant unit.
 * (No FOR UPDATE: it needs the UPDATE privilege the tenant role does not have on audit_log. Two purges of one
 * tenant at once, which the job's singleton key makes rare, simply delete fewer rows each.)
 */
export async function purgeExpiredBatch(limit: number): Promise<number> {
  const row = await tenantDb().one<{ n: number }>(
    `with cutoff as (
       select now() - make_interval(days => coalesce((select audit_retention_days from tenant_settings), ${DEFAULT_RETENTION_DAYS})) as at
     ), gone as (
       delete from audit_log where id in (select id from audit_log where at < (select at from cutoff) order by at limit $1) returning 1
     )
     select count(*)::int as n from gone`,
    [limit],
  );
  return row?.n ?? 0;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function encodeCursor(row: AuditRow): string {
  return Buffer.from(JSON.stringify({ at: row.atText, id: row.id })).toString('base64url');
}

function decodeCursor(raw: string): { at: string; id: string } {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof c.at === 'string' && TIMESTAMP.test(c.at) && typeof c.id === 'string' && isUuid(c.id)) {
      return { at: c.at, id: c.id };
    }
  } catch {
    /* fall through */
  }
  throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'is not an audit log cursor' }]);
}
