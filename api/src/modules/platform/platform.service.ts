import { BadInputError, NotFoundError } from '../../graphql/errors';
import { publishSessionsRevoked } from '../../graphql/subscriptions/invalidation';
import type { Platform } from '../../platform';
import { tenantDb } from '../../tenancy/context';
import { isUuid } from '../../tenancy/names';
import { TENANT_COLUMNS, type TenantRecord, type TenantStatus } from '../../tenancy/tenant';
import { TenancyError, TenancyErrorCode } from '../../tenancy/tenancy.errors';
import type { Services } from '../../services';
import type { TenantService, TenantSummary } from '../tenants/tenant.service';
import { type AuditActor, type AuditPage, PlatformAuditAction, PlatformAuditService } from './platform-audit.service';
import { hasReadableData, mapLimit, readTenantAsPlatform } from './platform-read';
import { decodeCursor, encodeCursor } from './platform.cursor';

/** Whether a tenant's own numbers were read: only tenants with a live schema have any. */
export enum PlatformDataRead {
  READ = 'READ',
  /** Provisioning, failed or deleted: no schema to read. */
  NO_DATA = 'NO_DATA',
  /** The read failed (logged); the control-plane fields are still right. */
  FAILED = 'FAILED',
}

interface TenantRow extends TenantRecord {
  createdAt: Date;
  suspendedAt: Date | null;
  statusReason: string | null;
  memberCount: number;
  /** created_at to the microsecond (a JS Date keeps milliseconds only, which would repeat or skip rows). */
  cursorAt: string;
}

export interface PlatformTenantView extends Omit<TenantRow, 'cursorAt' | 'schemaName' | 'dbRole'> {
  leadCount: number | null;
  lastActivityAt: Date | null;
  dataRead: PlatformDataRead;
}

export interface PlatformUserView {
  id: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  revokedSessions: number;
}

export interface PlatformTenantPage {
  rows: Array<PlatformTenantView & { cursor: string }>;
  hasNextPage: boolean;
}

const CURSOR_KIND = 'tenants';
const MAX_READS_IN_FLIGHT = 4;

// Runs inside the tenant's read-only unit: unqualified names resolve in that tenant's schema only.
const NUMBERS_SQL = `select (select count(*)::int from leads where deleted_at is null) as "leadCount",
  greatest((select max(created_at) from lead_activities), (select max(updated_at) from leads)) as "lastActivityAt"`;

/**
 * Read-only cross-tenant views and the suspend/reactivate lifecycle for platform administrators.
 * Control-plane facts come from control.*; a tenant's own numbers come through `readTenantAsPlatform` only,
 * never from schema-qualified SQL. Every view and status change is recorded in control.platform_audit before it runs.
 */
export class PlatformService {
  readonly audit: PlatformAuditService;
  private readonly concurrency: number;

  constructor(
    private readonly platform: Platform,
    private readonly tenants: TenantService,
  ) {
    this.audit = new PlatformAuditService(platform.db);
    // Leave at least one pooled connection to the requests being served meanwhile.
    this.concurrency = Math.max(1, Math.min(MAX_READS_IN_FLIGHT, platform.config.db.pool.max - 1));
  }

  /** Newest tenants first. */
  async listTenants(actor: AuditActor, args: { status?: TenantStatus | null; first: number; after?: string | null }): Promise<PlatformTenantPage> {
    const after = args.after ? decodeCursor(args.after, CURSOR_KIND, (v) => v.length === 2 && !Number.isNaN(Date.parse(v[0]!)) && isUuid(v[1]!)) : null;
    const rows = await this.tenantRows({ status: args.status ?? null, after, limit: args.first + 1 });
    const page = rows.slice(0, args.first);
    await this.audit.record(actor, PlatformAuditAction.TENANTS_READ, page.map((t) => t.id));
    const views = await this.withNumbers(page);
    return {
      rows: views.map((v, i) => ({ ...v, cursor: encodeCursor(CURSOR_KIND, [page[i]!.cursorAt, page[i]!.id]) })),
      hasNextPage: rows.length > args.first,
    };
  }

  async getTenant(actor: AuditActor, id: string): Promise<PlatformTenantView> {
    const [row] = isUuid(id) ? await this.tenantRows({ id, limit: 1 }) : [];
    if (!row) throw new NotFoundError('Tenant');
    await this.audit.record(actor, PlatformAuditAction.TENANTS_READ, [row.id]);
    return (await this.withNumbers([row]))[0]!;
  }

  /**
   * Suspends or reactivates through TenantService.setStatus (which invalidates the tenant in every process:
   * HTTP requests are refused at resolution, open websockets close). Recorded first; a no-op when the tenant is
   * already there, so the original suspension time is kept.
   */
  async setStatus(actor: AuditActor, id: string, target: 'active' | 'suspended', reason: string | null): Promise<TenantSummary> {
    const [row] = isUuid(id) ? await this.tenantRows({ id, limit: 1 }) : [];
    if (!row || row.status === 'deleted') throw new NotFoundError('Tenant');
    if (row.status !== 'active' && row.status !== 'suspended') {
      throw new TenancyError(TenancyErrorCode.TENANT_NOT_READY, `Tenant "${row.slug}" is ${row.status}: only active or suspended tenants change status`);
    }
    const action = target === 'suspended' ? PlatformAuditAction.TENANT_SUSPEND : PlatformAuditAction.TENANT_REACTIVATE;
    await this.audit.record(actor, action, [row.id], reason);
    if (row.status !== target) await this.tenants.setStatus(row.id, target, reason);
    return (await this.tenants.get({ id: row.id }))!;
  }

  /**
   * Disables a user account (or enables it again), platform-wide. Disabling, in one transaction with its audit row:
   * `disabled_at` (login then fails like a wrong password) and every live session revoked (refresh tokens die with
   * them). After the commit the revocations are broadcast: every API process drops what it remembers of those sessions
   * (ADR 0010) and closes their websockets. Enabling lets the user log in again; revoked sessions stay revoked.
   * A platform admin cannot disable themselves (nobody would be left to undo it, in the worst case).
   */
  async setUserDisabled(actor: AuditActor, userId: string, disabled: boolean, reason: string | null): Promise<PlatformUserView> {
    if (disabled && userId === actor.actorId) throw new BadInputError('You cannot disable your own account', [{ field: 'id', message: 'is you' }]);
    if (!isUuid(userId)) throw new NotFoundError('User');
    const action = disabled ? PlatformAuditAction.USER_DISABLE : PlatformAuditAction.USER_ENABLE;
    const { user, revoked } = await this.platform.db.tx(async (q) => {
      const [row] = await q.rows<Omit<PlatformUserView, 'revokedSessions'>>(
        `update control.users set disabled_at = case when $2 then coalesce(disabled_at, now()) else null end
          where id = $1 returning id, email, name, disabled_at as "disabledAt"`,
        [userId, disabled],
      );
      if (!row) throw new NotFoundError('User'); // the transaction rolls back: nothing recorded
      const tenants = await q.rows<{ tenant_id: string }>(`select tenant_id from control.memberships where user_id = $1 order by created_at`, [userId]);
      await this.audit.record(actor, action, tenants.map((t) => t.tenant_id), reason, userId, q);
      const sessions = disabled
        ? await q.rows<{ id: string }>(`update control.sessions set revoked_at = now() where user_id = $1 and revoked_at is null returning id`, [userId])
        : [];
      return { user: row, revoked: sessions.map((r) => r.id) };
    });
    if (revoked.length) await publishSessionsRevoked(this.platform, revoked);
    return { ...user, revokedSessions: revoked.length };
  }

  listAudit(args: { first: number; after?: string | null; tenantId?: string | null }): Promise<AuditPage> {
    return this.audit.list(args);
  }

  private tenantRows(f: { id?: string; status?: TenantStatus | null; after?: string[] | null; limit: number }): Promise<TenantRow[]> {
    // Read fresh from control.tenants, not the registry's cache: an administrator sees the status as it is now.
    return this.platform.db.rows<TenantRow>(
      `select ${TENANT_COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')},
              t.created_at as "createdAt", t.suspended_at as "suspendedAt", t.failure_reason as "statusReason",
              (select count(*)::int from control.memberships m where m.tenant_id = t.id and m.status = 'active') as "memberCount",
              to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
         from control.tenants t
        where ($1::uuid is null or t.id = $1) and ($2::text is null or t.status = $2)
          and ($3::timestamptz is null or (t.created_at, t.id) < ($3::timestamptz, $4::uuid))
        order by t.created_at desc, t.id desc
        limit $5`,
      [f.id ?? null, f.status ?? null, f.after?.[0] ?? null, f.after?.[1] ?? null, f.limit],
    );
  }

  /** Each readable tenant in its own read-only unit, a few at a time; one failing tenant does not fail the page. */
  private withNumbers(rows: TenantRow[]): Promise<PlatformTenantView[]> {
    return mapLimit(rows, this.concurrency, async ({ cursorAt: _c, schemaName: _s, dbRole: _r, ...row }, i) => {
      const none = { ...row, leadCount: null, lastActivityAt: null };
      if (!hasReadableData(row)) return { ...none, dataRead: PlatformDataRead.NO_DATA };
      try {
        const numbers = await readTenantAsPlatform(this.platform, rows[i]!, () =>
          tenantDb().one<{ leadCount: number; lastActivityAt: Date | null }>(NUMBERS_SQL),
        );
        return { ...row, leadCount: numbers!.leadCount, lastActivityAt: numbers!.lastActivityAt, dataRead: PlatformDataRead.READ };
      } catch (err) {
        this.platform.logger.error('platform read of a tenant failed', { tenant: row.slug, err: String(err) });
        return { ...none, dataRead: PlatformDataRead.FAILED };
      }
    });
  }
}

const built = new WeakMap<Services, PlatformService>();

/** One PlatformService per process's Services (it is stateless beyond them). */
export function platformService(services: Services): PlatformService {
  let svc = built.get(services);
  if (!svc) built.set(services, (svc = new PlatformService(services.tenants.platform, services.tenants)));
  return svc;
}
