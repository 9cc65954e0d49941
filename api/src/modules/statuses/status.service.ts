import type { Loaders } from '../../graphql/loaders';
import { BadInputError, NotFoundError, type FieldProblem } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { LastStatusError, StatusInUseError, StatusIsDefaultError, StatusKeyTakenError } from './status.errors';
import type { CreateLeadStatusInput, UpdateLeadStatusInput } from './status.inputs';
import { STATUS_COLUMNS, type StatusRow } from './status.types';
import { isUuid } from '../../tenancy/names';

const pgCode = (err: unknown) => (err as { code?: string }).code;
/** Clients may write uuids in any case; PostgreSQL returns them lower-case, and ids are compared here in JS. */
const norm = (id: string) => id.toLowerCase();

/**
 * The tenant's pipeline: statuses, their order and default, and the workflow between them.
 * Every write runs in the request's tenant transaction; an error rolls the whole operation back.
 */
export class StatusService {
  async list(loaders: Loaders): Promise<StatusRow[]> {
    return loaders.statuses();
  }

  async transitions(loaders: Loaders): Promise<Array<{ fromStatusId: string; toStatusId: string }>> {
    return loaders.transitions();
  }

  /** From the request's cached catalogues: no statement per status. */
  async allowedTransitions(statusId: string, loaders: Loaders): Promise<StatusRow[]> {
    const transitions = await loaders.transitions();
    const statuses = await loaders.statuses();
    const targets = new Set(transitions.filter((t) => t.fromStatusId === statusId).map((t) => t.toStatusId));
    return statuses.filter((s) => targets.has(s.id));
  }

  async create(input: CreateLeadStatusInput, loaders: Loaders): Promise<StatusRow> {
    const all = await lockStatuses();
    const label = input.label.trim();
    if (!label) throw new BadInputError('Invalid status', [{ field: 'label', message: 'cannot be blank' }]);
    if (all.some((s) => s.key === input.key)) throw new StatusKeyTakenError(input.key);
    const created = await uniqueKey(input.key, () =>
      tenantDb().one<StatusRow>(
        `insert into lead_statuses (key, label, color, terminal_kind, position) values ($1, $2, coalesce($3, '#64748b'), coalesce($4, 'open'), 0)
         returning ${STATUS_COLUMNS}`,
        [input.key, label, input.color ?? null, input.kind ?? null],
      ),
    );
    const order = all.map((s) => s.id);
    const position = Math.max(1, Math.min(input.position ?? order.length + 1, order.length + 1));
    order.splice(position - 1, 0, created!.id);
    const rows = await writeOrder(order);
    loaders.resetCatalogues();
    return rows.find((s) => s.id === created!.id)!;
  }

  async update(id: string, input: UpdateLeadStatusInput, loaders: Loaders): Promise<StatusRow> {
    const all = await lockStatuses();
    const current = mustFind(all, id);
    const problems: FieldProblem[] = [];
    for (const f of ['key', 'label', 'color', 'kind'] as const) if (input[f] === null) problems.push({ field: f, message: 'cannot be cleared' });
    const label = input.label?.trim();
    if (label === '') problems.push({ field: 'label', message: 'cannot be blank' });
    if (problems.length) throw new BadInputError('Invalid status', problems);
    if (input.key && input.key !== current.key && all.some((s) => s.key === input.key)) throw new StatusKeyTakenError(input.key);
    const updated = await uniqueKey(input.key ?? current.key, () =>
      tenantDb().one<StatusRow>(
        `update lead_statuses set key = coalesce($2, key), label = coalesce($3, label), color = coalesce($4, color),
                terminal_kind = coalesce($5, terminal_kind), updated_at = now()
          where id = $1 returning ${STATUS_COLUMNS}`,
        [current.id, input.key ?? null, label ?? null, input.color ?? null, input.kind ?? null],
      ),
    );
    loaders.resetCatalogues();
    return updated!;
  }

  /**
   * Deletes a status. Leads holding it (deleted ones too: the foreign key sees them) move to `moveLeadsTo` in the
   * same transaction, each with a status_change activity; without a target the delete is refused.
   */
  async remove(id: string, moveLeadsTo: string | null, actorId: string | null, loaders: Loaders): Promise<string> {
    const all = await lockStatuses();
    const current = mustFind(all, id);
    if (all.length === 1) throw new LastStatusError();
    if (current.isDefault) throw new StatusIsDefaultError(current.key);
    const target = moveLeadsTo == null ? null : all.find((s) => s.id === norm(moveLeadsTo) && s.id !== current.id);
    if (target === undefined) throw new BadInputError('Invalid target status', [{ field: 'moveLeadsTo', message: 'is not another status of this tenant' }]);
    const db = tenantDb();
    const { n } = (await db.one<{ n: number }>(`select count(*)::int as n from leads where status_id = $1`, [current.id]))!;
    if (n > 0 && !target) throw new StatusInUseError(current.key, n);
    if (n > 0 && target) {
      const moved = await db.query<{ leadId: string }>(
        `with moved as (update leads set status_id = $2, updated_at = now() where status_id = $1 returning id)
         insert into lead_activities (lead_id, kind, actor_id, data)
         select id, 'status_change', $3, $4 from moved returning lead_id as "leadId"`,
        [current.id, target.id, actorId, { from: current.id, to: target.id, fromKey: current.key, toKey: target.key, reason: 'status_deleted' }],
      );
      for (const m of moved) loaders.clearLead(m.leadId);
    }
    try {
      await db.query(`delete from lead_statuses where id = $1`, [current.id]);
    } catch (err) {
      // A lead written into this status by a transaction that committed after our count.
      if (pgCode(err) === '23503') throw new StatusInUseError(current.key, n + 1);
      throw err;
    }
    await writeOrder(all.filter((s) => s.id !== current.id).map((s) => s.id));
    loaders.resetCatalogues();
    return current.id;
  }

  /** Returns every status: two of them changed. */
  async setDefault(id: string, loaders: Loaders): Promise<StatusRow[]> {
    const all = await lockStatuses();
    const current = mustFind(all, id);
    if (!current.isDefault) {
      // Two statements: the partial unique index on is_default is checked row by row, not at the end of a statement.
      await tenantDb().query(`update lead_statuses set is_default = false, updated_at = now() where is_default`);
      await tenantDb().query(`update lead_statuses set is_default = true, updated_at = now() where id = $1`, [current.id]);
    }
    loaders.resetCatalogues();
    return tenantDb().query<StatusRow>(`select ${STATUS_COLUMNS} from lead_statuses order by position, key`);
  }

  /** `ids` must name every status of the tenant exactly once; returns them in their new order. */
  async reorder(ids: string[], loaders: Loaders): Promise<StatusRow[]> {
    const all = await lockStatuses();
    const known = new Set(all.map((s) => s.id));
    const order = ids.map(norm);
    const given = new Set(order);
    const problems: FieldProblem[] = [];
    if (given.size !== order.length) problems.push({ field: 'ids', message: 'lists a status more than once' });
    for (const id of given) if (!known.has(id)) problems.push({ field: 'ids', message: `${id} is not a status of this tenant` });
    for (const s of all) if (!given.has(s.id)) problems.push({ field: 'ids', message: `${s.key} (${s.id}) is missing` });
    if (problems.length) throw new BadInputError('The order must list every status exactly once', problems);
    const rows = await writeOrder(order);
    loaders.resetCatalogues();
    return rows;
  }

  /** Replaces the outgoing transitions of one status. */
  async setTransitions(fromStatusId: string, toStatusIds: string[], loaders: Loaders): Promise<StatusRow> {
    const all = await lockStatuses();
    const from = mustFind(all, fromStatusId);
    const targets = [...new Set(toStatusIds.map(norm))];
    const known = new Set(all.map((s) => s.id));
    const problems: FieldProblem[] = [];
    for (const id of targets) {
      if (id === from.id) problems.push({ field: 'toStatusIds', message: 'a status cannot transition to itself' });
      else if (!known.has(id)) problems.push({ field: 'toStatusIds', message: `${id} is not a status of this tenant` });
    }
    if (problems.length) throw new BadInputError('Invalid transitions', problems);
    await tenantDb().query(`delete from lead_status_transitions where from_status_id = $1`, [from.id]);
    if (targets.length) {
      await tenantDb().query(`insert into lead_status_transitions (from_status_id, to_status_id) select $1, unnest($2::uuid[])`, [from.id, targets]);
    }
    loaders.resetCatalogues();
    return from;
  }
}

/**
 * Status edits are validated against the whole set (last status, default, a full permutation), so they run one
 * at a time per tenant. SHARE ROW EXCLUSIVE blocks other status writes only: reads, and the FK row locks that lead
 * writes take on lead_statuses, go on.
 */
async function lockStatuses(): Promise<StatusRow[]> {
  await tenantDb().query(`lock table lead_statuses in share row exclusive mode`);
  return tenantDb().query<StatusRow>(`select ${STATUS_COLUMNS} from lead_statuses order by position, key`);
}

function mustFind(all: StatusRow[], id: string): StatusRow {
  const found = isUuid(id) ? all.find((s) => s.id === norm(id)) : undefined;
  if (!found) throw new NotFoundError('Lead status');
  return found;
}

/** Positions become 1..n in the given order. */
async function writeOrder(ids: string[]): Promise<StatusRow[]> {
  return tenantDb().query<StatusRow>(
    `with o as (select id, ord::int as ord from unnest($1::uuid[]) with ordinality as x(id, ord)),
          u as (update lead_statuses s set position = o.ord, updated_at = case when s.position = o.ord then s.updated_at else now() end
                  from o where s.id = o.id returning s.*)
     select ${STATUS_COLUMNS} from u order by position`,
    [ids],
  );
}

/** The pre-check races with a concurrent writer; the unique index has the last word. */
async function uniqueKey<T>(key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (pgCode(err) === '23505') throw new StatusKeyTakenError(key);
    throw err;
  }
}
