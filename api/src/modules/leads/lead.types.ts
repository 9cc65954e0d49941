import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { isoTimestampSql, type IsoTimestamp } from '../../graphql/date-time';
import { MEMBER_COLUMNS, type MemberRow } from '../members/member.types';
import { STATUS_COLUMNS, type StatusRow } from '../statuses/status.types';

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
 * LEAD_COLUMNS plus the lead's status and owner, each as one JSON object of exactly the columns their own loaders
 * select (STATUS_COLUMNS, MEMBER_COLUMNS): the reads that feed pages and lead(id) answer `status` and `owner` from
 * the same statement instead of one more statement each (LeadFieldsResolver falls back to the loaders when a row
 * was read without them, e.g. returned by a write).
 */
export const LEAD_READ_COLUMNS = `${LEAD_COLUMNS},
  (select row_to_json(s) from (select ${STATUS_COLUMNS} from lead_statuses where id = l.status_id) s) as "joinedStatus",
  (select row_to_json(m) from (select ${MEMBER_COLUMNS} from members where user_id = l.owner_id) m) as "joinedOwner"`;

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
