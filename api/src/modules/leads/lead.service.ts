import type { Platform } from '../../platform';
import type { Loaders } from '../../graphql/loaders';
import { BadInputError, NotFoundError, type FieldProblem } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { validateCustomValues } from '../custom-fields/custom-field.validation';
import type { OwnerScope } from '../permissions/owner-scope';
import { ACTIVITY_COLUMNS, type ActivityKind, type ActivityRow } from '../activities/activity.types';
import { LeadDeletedError, TransitionNotAllowedError } from './lead.errors';
import { publishAfterCommit, type LeadChangeKind } from './lead.events';
import { MAX_BULK, type CreateLeadInput, type LeadsArgs, type UpdateLeadInput } from './lead.inputs';
import { encodeCursor, needsCustomFields, planPage } from './lead.list';
import { LEAD_BY_ID_COLUMNS, LEAD_COLUMNS, withRelations, type LeadConnection, type LeadRow } from './lead.types';
import { FULL_ROW, type Projection } from './lead.projection';
import { isUuid } from '../../tenancy/names';

export interface Actor {
  userId: string | null;
  apiKeyId?: string;
}

export interface Req {
  actor: Actor;
  loaders: Loaders;
  /** null: every lead; a user id: only leads that user owns, in every statement below (a lead outside it is NOT_FOUND). */
  ownerScope: OwnerScope;
}

const RETURNING = LEAD_COLUMNS.replace(/\bl\./g, '');

/**
 * An edge of a page: its cursor is encoded when it is asked for (most pages select nodes only). The row keeps its
 * `sort_value` column, which no Lead field exposes, rather than being copied without it.
 */
class Edge {
  private encoded?: string;
  constructor(
    private readonly sortToken: string,
    readonly node: LeadRow & { sort_value: string | null },
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.sortToken, this.node.sort_value, this.node.id));
  }
}

/**
 * The pipeline's rules. Every method runs in the request's tenant transaction (tenantDb), so a mutation and the
 * activity it writes commit or roll back together; events are published only after the commit.
 */
export class LeadService {
  constructor(private readonly platform: Platform) {}

  /**
   * A page of leads. `projection`: the columns the client's selection needs (lead.projection.ts); rows read with
   * fewer than all columns are not primed into leadById, where another selection could find a field missing.
   */
  async list(args: LeadsArgs, req: Req, projection: Projection = FULL_ROW): Promise<LeadConnection> {
    const plan = planPage(args, needsCustomFields(args) ? await req.loaders.customFields() : [], projection, req.ownerScope);
    const rows = withRelations(await guardCast(() => tenantDb().query<LeadRow & { sort_value: string | null }>(plan.sql, plan.params)), projection.joins);
    const hasMore = rows.length > plan.limit;
    const page = rows.slice(0, plan.limit);
    if (plan.backwards) page.reverse();
    const edges = page.map((node) => {
      if (projection.full) req.loaders.leadById.prime(node.id, node);
      return new Edge(plan.sortToken, node);
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: plan.backwards ? Boolean(args.before) : hasMore,
        hasPreviousPage: plan.backwards ? hasMore : Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      countSql: plan.countSql,
      countParams: plan.countParams,
    };
  }

  async count(conn: LeadConnection): Promise<number> {
    return (await tenantDb().one<{ n: number }>(conn.countSql, conn.countParams))!.n;
  }

  async get(id: string, req: Req): Promise<LeadRow | null> {
    if (req.ownerScope === null) return req.loaders.leadById.load(id);
    if (!isUuid(id)) return null;
    return tenantDb().one<LeadRow>(`select ${LEAD_BY_ID_COLUMNS} from leads l where l.id = $1 and l.owner_id = $2`, [id, req.ownerScope]);
  }

  private async mustGet(id: string, req: Req, opts: { allowDeleted?: boolean } = {}): Promise<LeadRow> {
    const params = [uuidOr404(id)];
    const own = req.ownerScope === null ? '' : `and l.owner_id = $${params.push(req.ownerScope)}`;
    const lead = await tenantDb().one<LeadRow>(`select ${LEAD_COLUMNS} from leads l where l.id = $1 ${own} for update`, params);
    if (!lead) throw new NotFoundError('Lead');
    if (lead.deletedAt && !opts.allowDeleted) throw new LeadDeletedError();
    req.loaders.clearLead(id);
    return lead;
  }

  async create(input: CreateLeadInput, req: Req): Promise<LeadRow> {
    const problems: FieldProblem[] = [];
    // @Length counts the spaces that trim() removes; the table's check would then fail as an internal error.
    if (!input.name.trim()) problems.push({ field: 'name', message: 'cannot be empty' });
    const statuses = await req.loaders.statuses();
    const status = input.statusId ? statuses.find((s) => s.id === input.statusId) : statuses.find((s) => s.isDefault);
    if (!status) problems.push({ field: 'statusId', message: 'is not a status of this tenant' });
    // Someone who sees only their own leads creates them for themselves unless they name an owner (else they could not see them).
    const ownerId = input.ownerId === undefined && req.ownerScope !== null && req.ownerScope === req.actor.userId ? req.ownerScope : (input.ownerId ?? null);
    if (ownerId && !(await this.isMember(ownerId))) problems.push({ field: 'ownerId', message: 'is not an active member of this tenant' });
    if (input.teamId && !(await this.teamExists(input.teamId))) problems.push({ field: 'teamId', message: 'is not a team of this tenant' });
    const custom = validateCustomValues(await req.loaders.customFields(), input.customFields, { creating: true });
    problems.push(...custom.problems);
    if (problems.length) throw new BadInputError('Invalid lead', problems);

    const lead = (await tenantDb().one<LeadRow>(
      `insert into leads (name, company, email, phone, source, value, currency, status_id, owner_id, team_id, tags, custom, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning ${RETURNING}`,
      [
        input.name.trim(),
        input.company ?? null,
        input.email?.toLowerCase() ?? null,
        input.phone ?? null,
        input.source ?? null,
        input.value ?? null,
        input.currency ?? null,
        status!.id,
        ownerId,
        input.teamId ?? null,
        normaliseTags(input.tags),
        custom.values,
        req.actor.userId,
      ],
    ))!;
    await this.activity(lead.id, 'created' as ActivityKind, req.actor, null, { statusId: status!.id, ownerId: lead.ownerId });
    this.emit('created', lead, req.actor, null, []);
    return lead;
  }

  async update(id: string, input: UpdateLeadInput, req: Req): Promise<LeadRow> {
    const lead = await this.mustGet(id, req);
    const problems: FieldProblem[] = [];
    const sets: string[] = [];
    const params: unknown[] = [lead.id];
    const changed: string[] = [];
    const set = (column: string, field: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
      changed.push(field);
    };
    if (input.name !== undefined) {
      if (input.name === null || !input.name.trim()) problems.push({ field: 'name', message: 'cannot be empty' });
      else set('name', 'name', input.name.trim());
    }
    for (const f of ['company', 'phone', 'source', 'currency'] as const) if (input[f] !== undefined) set(f, f, input[f]);
    if (input.email !== undefined) set('email', 'email', input.email?.toLowerCase() ?? null);
    if (input.value !== undefined) set('value', 'value', input.value);
    if (input.tags !== undefined) set('tags', 'tags', normaliseTags(input.tags ?? []));
    if (input.teamId !== undefined) {
      if (input.teamId && !(await this.teamExists(input.teamId))) problems.push({ field: 'teamId', message: 'is not a team of this tenant' });
      else set('team_id', 'teamId', input.teamId);
    }
    if (input.customFields !== undefined) {
      const custom = validateCustomValues(await req.loaders.customFields(), input.customFields, { creating: false, existing: lead.custom });
      problems.push(...custom.problems);
      if (!custom.problems.length) set('custom', 'customFields', custom.values);
    }
    if (problems.length) throw new BadInputError('Invalid lead', problems);
    if (!sets.length) return lead;
    const updated = (await tenantDb().one<LeadRow>(`update leads set ${sets.join(', ')}, updated_at = now() where id = $1 returning ${RETURNING}`, params))!;
    await this.activity(lead.id, 'field_change' as ActivityKind, req.actor, null, { fields: changed });
    this.emit('updated', updated, req.actor, lead.ownerId, changed);
    return updated;
  }

  async setDeleted(id: string, deleted: boolean, req: Req): Promise<LeadRow> {
    const lead = await this.mustGet(id, req, { allowDeleted: true });
    if (Boolean(lead.deletedAt) === deleted) return lead;
    const updated = (await tenantDb().one<LeadRow>(
      `update leads set deleted_at = ${deleted ? 'now()' : 'null'}, updated_at = now() where id = $1 returning ${RETURNING}`,
      [lead.id],
    ))!;
    await this.activity(lead.id, (deleted ? 'deleted' : 'restored') as ActivityKind, req.actor, null, {});
    this.emit(deleted ? 'deleted' : 'restored', updated, req.actor, lead.ownerId, []);
    return updated;
  }

  async changeStatus(id: string, statusId: string, req: Req): Promise<LeadRow> {
    const lead = await this.mustGet(id, req);
    const statuses = await req.loaders.statuses();
    const to = statuses.find((s) => s.id === statusId);
    if (!to) throw new BadInputError('Unknown status', [{ field: 'statusId', message: 'is not a status of this tenant' }]);
    if (to.id === lead.statusId) return lead;
    const from = statuses.find((s) => s.id === lead.statusId)!;
    const allowed = (await req.loaders.transitions()).some((t) => t.fromStatusId === from.id && t.toStatusId === to.id);
    if (!allowed) throw new TransitionNotAllowedError(from.key, to.key);
    const updated = (await tenantDb().one<LeadRow>(`update leads set status_id = $2, updated_at = now() where id = $1 returning ${RETURNING}`, [lead.id, to.id]))!;
    await this.activity(lead.id, 'status_change' as ActivityKind, req.actor, null, { from: from.id, to: to.id, fromKey: from.key, toKey: to.key });
    this.emit('status', updated, req.actor, lead.ownerId, ['status']);
    return updated;
  }

  async assign(id: string, userId: string | null, req: Req): Promise<LeadRow> {
    if (userId && !(await this.isMember(userId))) throw new BadInputError('Invalid owner', [{ field: 'userId', message: 'is not an active member of this tenant' }]);
    const lead = await this.mustGet(id, req);
    return this.assignLoaded(lead, userId, req);
  }

  /** All or nothing: every id must be a live lead of this tenant, or nothing is assigned. */
  async assignMany(ids: string[], userId: string | null, req: Req): Promise<LeadRow[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (!unique.length || unique.length > MAX_BULK) throw new BadInputError('Invalid selection', [{ field: 'ids', message: `give 1 to ${MAX_BULK} lead ids` }]);
    if (userId && !(await this.isMember(userId))) throw new BadInputError('Invalid owner', [{ field: 'userId', message: 'is not an active member of this tenant' }]);
    // A malformed id, or a lead outside the caller's scope, is one more id that is not a live lead: named in the refusal.
    const params: unknown[] = [unique.filter(isUuid)];
    const own = req.ownerScope === null ? '' : `and l.owner_id = $${params.push(req.ownerScope)}`;
    const rows = await tenantDb().query<LeadRow>(
      `select ${LEAD_COLUMNS} from leads l where l.id = any($1::uuid[]) and l.deleted_at is null ${own} order by l.id for update`,
      params,
    );
    if (rows.length !== unique.length) {
      const found = new Set(rows.map((r) => r.id));
      throw new BadInputError('Some leads cannot be assigned', unique.filter((id) => !found.has(id)).map((id) => ({ field: `ids`, message: `${id} is not a live lead of this tenant` })));
    }
    const out: LeadRow[] = [];
    for (const lead of rows) {
      req.loaders.clearLead(lead.id);
      out.push(await this.assignLoaded(lead, userId, req));
    }
    const order = new Map(unique.map((id, i) => [id, i]));
    return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  private async assignLoaded(lead: LeadRow, userId: string | null, req: Req): Promise<LeadRow> {
    if (lead.ownerId === userId) return lead;
    const updated = (await tenantDb().one<LeadRow>(`update leads set owner_id = $2, updated_at = now() where id = $1 returning ${RETURNING}`, [lead.id, userId]))!;
    await this.activity(lead.id, 'assignment' as ActivityKind, req.actor, null, { from: lead.ownerId, to: userId });
    this.emit('assigned', updated, req.actor, lead.ownerId, ['owner']);
    return updated;
  }

  async addNote(leadId: string, kind: ActivityKind, body: string, req: Req): Promise<ActivityRow> {
    const lead = await this.mustGet(leadId, req);
    const text = body.trim();
    if (!text) throw new BadInputError('Empty note', [{ field: 'body', message: 'cannot be empty' }]);
    const activity = await this.activity(lead.id, kind, req.actor, text, {});
    await tenantDb().query(`update leads set updated_at = now() where id = $1`, [lead.id]);
    this.emit('updated', lead, req.actor, lead.ownerId, ['activities']);
    return activity;
  }

  async activities(leadId: string, first: number, after: string | undefined): Promise<{ rows: ActivityRow[]; hasNextPage: boolean; total: number }> {
    const params: unknown[] = [uuidOr404(leadId), first + 1];
    let seek = '';
    if (after) {
      const c = decodeActivityCursor(after);
      params.push(c.at, c.id);
      seek = `and (created_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows = await guardCast(() =>
      tenantDb().query<ActivityRow>(
        `select ${ACTIVITY_COLUMNS}, created_at::text as at_text from lead_activities where lead_id = $1 ${seek} order by created_at desc, id desc limit $2`,
        params,
      ),
    );
    const total = (await tenantDb().one<{ n: number }>(`select count(*)::int as n from lead_activities where lead_id = $1`, [params[0]]))!.n;
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, total };
  }

  private async activity(leadId: string, kind: ActivityKind, actor: Actor, body: string | null, data: Record<string, unknown>): Promise<ActivityRow> {
    const extra = actor.apiKeyId ? { ...data, apiKeyId: actor.apiKeyId } : data;
    return (await tenantDb().one<ActivityRow>(
      `insert into lead_activities (lead_id, kind, actor_id, body, data) values ($1, $2, $3, $4, $5) returning ${ACTIVITY_COLUMNS}`,
      [leadId, kind, actor.userId, body, extra],
    ))!;
  }

  private emit(kind: LeadChangeKind, lead: LeadRow, actor: Actor, previousOwnerId: string | null, fields: string[]): void {
    publishAfterCommit(this.platform.bus, this.platform.config.redis.prefix, {
      leadId: lead.id,
      kind,
      actorId: actor.userId,
      ownerId: lead.ownerId,
      previousOwnerId,
      fields,
    });
  }

  private async isMember(userId: string): Promise<boolean> {
    if (!isUuid(userId)) return false;
    return (await tenantDb().one(`select 1 from members where user_id = $1 and status = 'active'`, [userId])) !== null;
  }

  private async teamExists(teamId: string): Promise<boolean> {
    if (!isUuid(teamId)) return false;
    return (await tenantDb().one(`select 1 from teams where id = $1`, [teamId])) !== null;
  }
}


function uuidOr404(id: string): string {
  if (!isUuid(id)) throw new NotFoundError('Lead');
  return id;
}

function normaliseTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
}

export function encodeActivityCursor(row: ActivityRow & { at_text?: string }): string {
  return Buffer.from(JSON.stringify({ at: row.at_text ?? row.createdAt, id: row.id })).toString('base64url');
}

function decodeActivityCursor(raw: string): { at: string; id: string } {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { at: string; id: string };
    if (typeof c.at === 'string' && isUuid(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'is not an activity cursor' }]);
}

/** A tampered cursor value that PostgreSQL cannot cast is the client's error, not ours. */
async function guardCast<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code && /^22/.test(code)) throw new BadInputError('Invalid cursor or filter value', [{ field: 'after', message: 'could not be read' }]);
    throw err;
  }
}
