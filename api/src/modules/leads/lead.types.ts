import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { isoTimestampSql, type IsoTimestamp } from '../../graphql/date-time';
import { MEMBER_FIELDS, type MemberRow } from '../members/member.types';
import { STATUS_FIELDS, type StatusRow } from '../statuses/status.types';

@ObjectType('Lead', { simpleResolvers: true })
export class LeadType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) company!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => [String]) tags!: string[];
  // Read as the text the API writes (isoTimestampSql): a lead's timestamps are only ever serialized.
  @Field(() => Date) createdAt!: IsoTimestamp;
  @Field(() => Date) updatedAt!: IsoTimestamp;
  @Field(() => Date, { nullable: true }) deletedAt!: IsoTimestamp | null;
  // Resolved by LeadFieldsResolver through the request's loaders:
  statusId!: string;
  ownerId!: string | null;
  teamId!: string | null;
  createdById!: string | null;
  custom!: Record<string, unknown>;
  /** Read with the lead (LEAD_READ_COLUMNS): its status and its owner, so a page needs no statement per relation. */
  joinedStatus?: StatusRow;
  joinedOwner?: MemberRow | null;
}

export type LeadRow = LeadType;

export const LEAD_COLUMNS = `l.id, l.name, l.company, l.email, l.phone, l.source, l.value::float8 as value, l.currency, l.tags,
  l.custom, l.status_id as "statusId", l.owner_id as "ownerId", l.team_id as "teamId", l.created_by as "createdById",
  ${isoTimestampSql('l.created_at')} as "createdAt", ${isoTimestampSql('l.updated_at')} as "updatedAt",
  ${isoTimestampSql('l.deleted_at')} as "deletedAt"`;

/**
 * The lead's status and owner, joined in rather than read by a correlated subquery per row: PostgreSQL planned and
 * ran a 50-lead page with the two subqueries (each building a row_to_json) in 617 µs, with these joins in 361 µs
 * (bench/results/levers.md, round 7); on a 2-core machine that serves both, its time is the API's throughput too.
 * Their columns come back flat (`s.*`, `m.*` aliases) and become the joinedStatus / joinedOwner objects in
 * `withRelations`, with the fields of StatusRow and MemberRow the read selected (all of them: what the loaders give).
 */
export const LEAD_JOINS = {
  status: 'left join lead_statuses s on s.id = l.status_id',
  owner: 'left join members m on m.user_id = l.owner_id',
} as const;
export type LeadJoins = Readonly<Record<keyof typeof LEAD_JOINS, boolean>>;
export const ALL_JOINS: LeadJoins = { status: true, owner: true };

/** The joined status (`s`) and owner (`m`): each field of StatusRow / MemberRow and its column (status.types, member.types). */
export const JOINED = { s: STATUS_FIELDS, m: MEMBER_FIELDS } as const;
export type JoinedAlias = keyof typeof JOINED;

/** The flat column name a joined relation's field comes back under: `s.label`, `m.name`. */
const flatName = (alias: JoinedAlias, field: string) => `${alias}.${field}`;

/** Select-list entries for `fields` of a joined relation, aliased by flatName (all of them by default). */
export function joinedColumns(alias: JoinedAlias, fields?: readonly string[]): string {
  const map: Readonly<Record<string, string>> = JOINED[alias];
  return (fields ?? Object.keys(map)).map((f) => `${alias}.${map[f]} as "${flatName(alias, f)}"`).join(', ');
}

/**
 * LEAD_COLUMNS plus the lead's status and owner, for pages read with LEAD_JOINS (lead.list.ts), whose rows then go
 * through `withRelations`: a page answers `status` and `owner` from the same statement instead of one more statement
 * each (LeadFieldsResolver falls back to the loaders when a row was read without them, e.g. returned by a write).
 */
export const LEAD_READ_COLUMNS = `${LEAD_COLUMNS}, ${joinedColumns('s')}, ${joinedColumns('m')}`;

const jsonOf = (alias: JoinedAlias) =>
  `json_build_object(${Object.entries(JOINED[alias]).map(([f, col]) => `'${f}', ${alias}.${col}`).join(', ')})`;

/**
 * LEAD_COLUMNS plus the status and owner of **one** lead (by id: lead(id), a subscription event's lead), each by a
 * subquery returning the object as JSON, `from leads l`. For a single row PostgreSQL plans this in less time than
 * the joins a page uses (241 vs 304 µs per statement, bench/results/levers.md, round 7); for 50 rows the joins win.
 */
export const LEAD_BY_ID_COLUMNS = `${LEAD_COLUMNS},
  (select ${jsonOf('s')} from lead_statuses s where s.id = l.status_id) as "joinedStatus",
  (select ${jsonOf('m')} from members m where m.user_id = l.owner_id) as "joinedOwner"`;

type Flat = Record<string, unknown>;
const flatOf = (alias: JoinedAlias) => Object.keys(JOINED[alias]).map((f) => [f, flatName(alias, f)] as const);
const FLAT_STATUS = flatOf('s');
const FLAT_OWNER = flatOf('m');

function assemble(row: Flat, flat: ReadonlyArray<readonly [string, string]>): Flat {
  const out: Flat = {};
  for (const [field, column] of flat) if (column in row) out[field] = row[column];
  return out;
}

/**
 * Rows read with (some of) LEAD_JOINS, given their joinedStatus / joinedOwner: objects of the relation's fields the
 * read selected (all of them, or those a page's selection asks for: lead.projection.ts). Returns the same array.
 */
export function withRelations<T extends LeadRow>(rows: T[], joins: LeadJoins): T[] {
  for (const row of rows as Array<T & Flat>) {
    if (joins.status) row.joinedStatus = row[flatName('s', 'id')] == null ? undefined : (assemble(row, FLAT_STATUS) as unknown as StatusRow);
    if (joins.owner) row.joinedOwner = row[flatName('m', 'id')] == null ? null : (assemble(row, FLAT_OWNER) as unknown as MemberRow);
  }
  return rows;
}

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('LeadEdge', { simpleResolvers: true })
export class LeadEdge {
  @Field() cursor!: string;
  @Field(() => LeadType) node!: LeadType;
}

@ObjectType('LeadConnection', { simpleResolvers: true })
export class LeadConnection {
  @Field(() => [LeadEdge]) edges!: LeadEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counted on demand (a separate statement) by the resolver of totalCount. */
  countSql!: string;
  countParams!: unknown[];
}

@ObjectType('BulkAssignResult')
export class BulkAssignResult {
  @Field(() => Int) count!: number;
  @Field(() => [LeadType]) leads!: LeadType[];
}
