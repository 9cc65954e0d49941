import type { Queryable } from '../../db/control-db';
import { isUuid } from '../../tenancy/names';
import { decodeCursor, encodeCursor } from './platform.cursor';

export enum PlatformAuditAction {
  TENANTS_READ = 'platform.tenants.read',
  TENANT_SUSPEND = 'platform.tenants.suspend',
  TENANT_REACTIVATE = 'platform.tenants.reactivate',
  USER_DISABLE = 'platform.users.disable',
  USER_ENABLE = 'platform.users.enable',
}

/** Who asked, and from where: taken from the request context by the resolver. */
export interface AuditActor {
  /** null for an operator at the CLI (no platform user behind it; user_agent says who ran it). */
  actorId: string | null;
  clientIp: string;
  userAgent: string;
  requestId: string;
}

export interface PlatformAuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  tenantIds: string[];
  subjectUserId: string | null;
  reason: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditPage {
  rows: Array<PlatformAuditRow & { cursor: string }>;
  hasNextPage: boolean;
}

const CURSOR_KIND = 'audit';

/**
 * control.platform_audit: one append-only row per platform operation. Rows are written *before* the operation
 * reads or changes anything, so a failure to record refuses the operation instead of leaving it unrecorded.
 */
export class PlatformAuditService {
  constructor(private readonly db: Queryable) {}

  async record(actor: AuditActor, action: PlatformAuditAction, tenantIds: string[], reason: string | null = null, subjectUserId: string | null = null, q: Queryable = this.db): Promise<void> {
    await q.rows(
      `insert into control.platform_audit (actor_id, action, tenant_ids, reason, client_ip, user_agent, request_id, subject_user_id)
       values ($1, $2, $3::uuid[], $4, $5, $6, $7, $8)`,
      [actor.actorId, action, tenantIds, reason, actor.clientIp || null, actor.userAgent || null, actor.requestId || null, subjectUserId],
    );
  }

  /** Newest first; `tenantId` narrows to the operations that named that tenant. */
  async list(args: { first: number; after?: string | null; tenantId?: string | null }): Promise<AuditPage> {
    const afterId = args.after ? decodeCursor(args.after, CURSOR_KIND, (v) => v.length === 1 && /^\d{1,19}$/.test(v[0]!))[0] : null;
    if (args.tenantId && !isUuid(args.tenantId)) return { rows: [], hasNextPage: false };
    const rows = await this.db.rows<PlatformAuditRow>(
      `select a.id::text as id, a.at, a.actor_id as "actorId", u.email as "actorEmail", a.action,
              a.tenant_ids::text[] as "tenantIds", a.subject_user_id as "subjectUserId", a.reason, a.client_ip as "clientIp", a.user_agent as "userAgent",
              a.request_id as "requestId"
         from control.platform_audit a
         left join control.users u on u.id = a.actor_id
        where ($1::bigint is null or a.id < $1) and ($2::uuid is null or a.tenant_ids @> array[$2::uuid])
        order by a.id desc
        limit $3`,
      [afterId, args.tenantId ?? null, args.first + 1],
    );
    const page = rows.slice(0, args.first).map((r) => ({ ...r, cursor: encodeCursor(CURSOR_KIND, [r.id]) }));
    return { rows: page, hasNextPage: rows.length > args.first };
  }
}
