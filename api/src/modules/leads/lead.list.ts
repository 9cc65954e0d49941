import { BadInputError } from '../../graphql/errors';
import type { CustomFieldDefinition } from '../custom-fields/custom-field.validation';
import type { OwnerScope } from '../permissions/owner-scope';
import { LeadOrderField, OrderDirection, type LeadFilter, type LeadOrder, type LeadsArgs } from './lead.inputs';
import type { Projection } from './lead.projection';
import { LEAD_JOINS } from './lead.types';

/**
 * Builds the SQL of a leads page: filters, a stable order (always ending in the primary key) and keyset
 * pagination by opaque cursors in both directions. Keyset (not OFFSET) keeps pages stable while leads are
 * being inserted, and uses the (column, id) indexes. Values only ever travel as parameters.
 */

export const DEFAULT_PAGE_SIZE = 50;

type SqlType = 'timestamptz' | 'text' | 'numeric' | 'date' | 'boolean' | 'integer';

interface SortKey {
  expr: string;
  type: SqlType;
  nullable: boolean;
  /** A token identifying the ordering, stored in cursors so a cursor cannot be replayed under another order. */
  token: string;
}

export class Params {
  readonly values: unknown[] = [];
  add(v: unknown, cast?: string): string {
    this.values.push(v);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

const COLUMN_KEYS: Record<Exclude<LeadOrderField, LeadOrderField.CUSTOM_FIELD>, Omit<SortKey, 'token'>> = {
  [LeadOrderField.CREATED_AT]: { expr: 'l.created_at', type: 'timestamptz', nullable: false },
  [LeadOrderField.UPDATED_AT]: { expr: 'l.updated_at', type: 'timestamptz', nullable: false },
  [LeadOrderField.NAME]: { expr: 'lower(l.name)', type: 'text', nullable: false },
  [LeadOrderField.COMPANY]: { expr: 'lower(l.company)', type: 'text', nullable: true },
  [LeadOrderField.EMAIL]: { expr: 'lower(l.email)', type: 'text', nullable: true },
  [LeadOrderField.VALUE]: { expr: 'l.value', type: 'numeric', nullable: true },
  [LeadOrderField.SOURCE]: { expr: 'lower(l.source)', type: 'text', nullable: true },
  [LeadOrderField.STATUS]: { expr: '(select s.position from lead_statuses s where s.id = l.status_id)', type: 'integer', nullable: false },
};

/** `key` is the placeholder of the field's key: every parameter must appear in the SQL, or PostgreSQL cannot type it (42P18). */
function customExpr(def: CustomFieldDefinition, key: string): { expr: string; type: SqlType } {
  switch (def.type) {
    case 'number':
      return { expr: `(l.custom->>${key})::numeric`, type: 'numeric' };
    case 'date':
      return { expr: `(l.custom->>${key})::date`, type: 'date' };
    case 'boolean':
      return { expr: `(l.custom->>${key})::boolean`, type: 'boolean' };
    case 'multiselect':
      return { expr: `lower((l.custom->${key})::text)`, type: 'text' };
    default:
      return { expr: `lower(l.custom->>${key})`, type: 'text' };
  }
}

function sortKey(order: LeadOrder | undefined, defs: CustomFieldDefinition[], params: Params): SortKey {
  const field = order?.field ?? LeadOrderField.CREATED_AT;
  if (field === LeadOrderField.CUSTOM_FIELD) {
    const def = defs.find((d) => d.key === order?.customFieldKey);
    if (!def) throw new BadInputError('Unknown custom field to order by', [{ field: 'orderBy.customFieldKey', message: 'is not a custom field of this tenant' }]);
    return { ...customExpr(def, params.add(def.key)), nullable: true, token: `cf:${def.key}` };
  }
  return { ...COLUMN_KEYS[field], token: field };
}

interface Cursor {
  t: string;
  v: string | null;
  id: string;
}

export function encodeCursor(token: string, value: string | null, id: string): string {
  return Buffer.from(JSON.stringify({ t: token, v: value, id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(raw: string, key: SortKey, field: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    // A null value on a non-nullable key would compare as unknown in seek() and silently return an empty page.
    const value = (c.v === null && key.nullable) || typeof c.v === 'string';
    if (c.t === key.token && typeof c.id === 'string' && /^[0-9a-f-]{36}$/.test(c.id) && value) return c;
  } catch {
    /* fall through */
  }
  throw new BadInputError('Invalid cursor', [{ field, message: 'is not a cursor of this ordering' }]);
}

/** Rows strictly after the cursor when scanning in `dir` (nulls sort last ascending, first descending). */
function seek(key: SortKey, c: Cursor, dir: OrderDirection, params: Params): string {
  const gt = dir === OrderDirection.ASC ? '>' : '<';
  const id = params.add(c.id, 'uuid');
  if (!key.nullable) return `(${key.expr}, l.id) ${gt} (${params.add(c.v, key.type)}, ${id})`;
  if (c.v === null) {
    return dir === OrderDirection.ASC ? `(${key.expr} is null and l.id > ${id})` : `(${key.expr} is not null or l.id < ${id})`;
  }
  const v = params.add(c.v, key.type);
  const tail = `(${key.expr} ${gt} ${v} or (${key.expr} = ${v} and l.id ${gt} ${id}))`;
  return dir === OrderDirection.ASC ? `(${key.expr} is null or ${tail})` : tail;
}

function orderBy(key: SortKey, dir: OrderDirection): string {
  const d = dir === OrderDirection.ASC ? 'asc' : 'desc';
  return key.nullable ? `(${key.expr} is null) ${d}, ${key.expr} ${d}, l.id ${d}` : `${key.expr} ${d}, l.id ${d}`;
}

/** Words to a prefix tsquery; only letters, digits and @ . _ + - survive, so nothing is parsed as an operator. */
export function searchQuery(search: string): string | null {
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._+-]/gu, ''))
    .filter(Boolean)
    .slice(0, 10);
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

/**
 * The WHERE conditions of a LeadFilter, plus the caller's scope: `ownerScope` (never from client input, see
 * permissions/owner-scope.ts) restricts every list, count and aggregate built here to the leads that user owns.
 */
export function filterSql(filter: LeadFilter | undefined, defs: CustomFieldDefinition[], params: Params, ownerScope: OwnerScope): string[] {
  const f = filter ?? {};
  const where: string[] = [f.deleted ? 'l.deleted_at is not null' : 'l.deleted_at is null'];
  if (ownerScope !== null) where.push(`l.owner_id = ${params.add(ownerScope, 'uuid')}`);
  if (f.statusIds?.length) where.push(`l.status_id = any(${params.add(f.statusIds, 'uuid[]')})`);
  const owners: string[] = [];
  if (f.ownerIds?.length) owners.push(`l.owner_id = any(${params.add(f.ownerIds, 'uuid[]')})`);
  if (f.unassigned) owners.push('l.owner_id is null');
  if (owners.length) where.push(`(${owners.join(' or ')})`);
  if (f.teamIds?.length) {
    const teams = params.add(f.teamIds, 'uuid[]');
    where.push(`(l.team_id = any(${teams}) or l.owner_id in (select tm.user_id from team_members tm where tm.team_id = any(${teams})))`);
  }
  // Stored tags are trimmed and lower-cased (LeadService), so the filter's are too, or `VIP` would never match.
  const tags = (f.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (tags.length) where.push(`l.tags @> ${params.add(tags, 'text[]')}`);
  if (f.sources?.length) where.push(`l.source = any(${params.add(f.sources, 'text[]')})`);
  if (f.createdAfter) where.push(`l.created_at >= ${params.add(f.createdAfter, 'timestamptz')}`);
  if (f.createdBefore) where.push(`l.created_at < ${params.add(f.createdBefore, 'timestamptz')}`);
  if (f.updatedAfter) where.push(`l.updated_at >= ${params.add(f.updatedAfter, 'timestamptz')}`);
  if (f.updatedBefore) where.push(`l.updated_at < ${params.add(f.updatedBefore, 'timestamptz')}`);
  if (f.valueMin !== undefined && f.valueMin !== null) where.push(`l.value >= ${params.add(f.valueMin, 'numeric')}`);
  if (f.valueMax !== undefined && f.valueMax !== null) where.push(`l.value <= ${params.add(f.valueMax, 'numeric')}`);
  if (f.search) {
    const q = searchQuery(f.search);
    if (q) where.push(`l.search @@ to_tsquery('simple', ${params.add(q)})`);
  }
  for (const [i, cf] of (f.customFields ?? []).entries()) {
    const def = defs.find((d) => d.key === cf.key);
    const field = `filter.customFields.${i}`;
    if (!def) throw new BadInputError('Unknown custom field in filter', [{ field, message: `${cf.key} is not a custom field of this tenant` }]);
    where.push(customCondition(def, cf.condition ?? {}, params, field));
  }
  return where;
}

function customCondition(def: CustomFieldDefinition, cond: Record<string, unknown>, params: Params, field: string): string {
  const parts: string[] = [];
  const key = params.add(def.key);
  const typed = customExpr(def, key);
  for (const [op, value] of Object.entries(cond)) {
    if (op === 'eq') {
      parts.push(`l.custom @> jsonb_build_object(${key}::text, ${params.add(JSON.stringify(def.type === 'multiselect' ? [value] : value), 'jsonb')})`);
    } else if (op === 'in' && Array.isArray(value) && value.length <= 100 && def.type === 'multiselect') {
      // A multiselect stores an array: `in` means any of the given options is chosen (->> would compare the array's text).
      parts.push(`(l.custom->${key}) ?| ${params.add(value.map(String), 'text[]')}`);
    } else if (op === 'in' && Array.isArray(value) && value.length <= 100) {
      parts.push(`l.custom->>${key} = any(${params.add(value.map(String), 'text[]')})`);
    } else if ((op === 'gte' || op === 'lte') && ['number', 'date'].includes(def.type) && (typeof value === 'number' || typeof value === 'string')) {
      parts.push(`${typed.expr} ${op === 'gte' ? '>=' : '<='} ${params.add(value, typed.type)}`);
    } else if (op === 'exists' && typeof value === 'boolean') {
      parts.push(`${value ? '' : 'not '}(l.custom ? ${key}::text)`);
    } else {
      throw new BadInputError('Invalid custom field condition', [{ field, message: `unsupported condition "${op}" for a ${def.type} field` }]);
    }
  }
  if (!parts.length) throw new BadInputError('Empty custom field condition', [{ field, message: 'give eq, in, gte, lte or exists' }]);
  return `(${parts.join(' and ')})`;
}

export interface PagePlan {
  sql: string;
  params: unknown[];
  limit: number;
  backwards: boolean;
  sortToken: string;
  countSql: string;
  countParams: unknown[];
}

/**
 * Whether planning needs the tenant's custom field definitions: only a custom-field order or filter does, so a
 * plain page is not preceded by a catalogue query.
 */
export function needsCustomFields(args: Pick<LeadsArgs, 'filter' | 'orderBy'>): boolean {
  return args.orderBy?.field === LeadOrderField.CUSTOM_FIELD || Boolean(args.filter?.customFields?.length);
}

export function planPage(args: LeadsArgs, defs: CustomFieldDefinition[], projection: Projection, ownerScope: OwnerScope): PagePlan {
  if (args.first != null && args.last != null) throw new BadInputError('Use first or last, not both', [{ field: 'last', message: 'cannot be combined with first' }]);
  if (args.after && args.before) throw new BadInputError('Use after or before, not both', [{ field: 'before', message: 'cannot be combined with after' }]);
  // Only first/after and last/before page: any other pairing used to ignore its cursor without a word.
  if (args.first != null && args.before != null) throw new BadInputError('Use last with before', [{ field: 'before', message: 'cannot be combined with first' }]);
  if (args.last != null && args.after != null) throw new BadInputError('Use first with after', [{ field: 'after', message: 'cannot be combined with last' }]);
  const backwards = args.last != null || (args.before != null && args.first == null);
  const limit = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const requested = args.orderBy?.direction ?? (args.orderBy ? OrderDirection.ASC : OrderDirection.DESC);
  const scan = backwards ? (requested === OrderDirection.ASC ? OrderDirection.DESC : OrderDirection.ASC) : requested;

  const countParams = new Params();
  const countWhere = filterSql(args.filter, defs, countParams, ownerScope);

  const params = new Params();
  const key = sortKey(args.orderBy, defs, params);
  const where = filterSql(args.filter, defs, params, ownerScope);
  const cursorArg = backwards ? args.before : args.after;
  if (cursorArg) where.push(seek(key, decodeCursor(cursorArg, key, backwards ? 'before' : 'after'), scan, params));
  // The sort value travels as text: timestamps keep their microseconds, numerics their precision.
  const select = `select ${projection.columns}, (${key.expr})::text as sort_value`;
  const page = `where ${where.join(' and ')} order by ${orderBy(key, scan)} limit ${params.add(limit + 1, 'int')}`;
  const joins = (Object.keys(LEAD_JOINS) as Array<keyof typeof LEAD_JOINS>).filter((j) => projection.joins[j]).map((j) => LEAD_JOINS[j]);
  // With relations, the page is cut first and joined after: PostgreSQL plans that in less time than the joins under
  // the limit (bench/results/levers.md, round 7), and planning is most of what a simple-query page costs it.
  const sql = joins.length
    ? `${select} from (select l.* from leads l ${page}) l ${joins.join(' ')} order by ${orderBy(key, scan)}`
    : `${select} from leads l ${page}`;
  return {
    sql,
    params: params.values,
    limit,
    backwards,
    sortToken: key.token,
    countSql: `select count(*)::int as n from leads l where ${countWhere.join(' and ')}`,
    countParams: countParams.values,
  };
}
