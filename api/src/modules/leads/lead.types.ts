import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

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
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true }) deletedAt!: Date | null;
  // Resolved by LeadFieldsResolver through the request's loaders:
  statusId!: string;
  ownerId!: string | null;
  teamId!: string | null;
  createdById!: string | null;
  custom!: Record<string, unknown>;
}

export type LeadRow = LeadType;

export const LEAD_COLUMNS = `l.id, l.name, l.company, l.email, l.phone, l.source, l.value::float8 as value, l.currency, l.tags,
  l.custom, l.status_id as "statusId", l.owner_id as "ownerId", l.team_id as "teamId", l.created_by as "createdById",
  l.created_at as "createdAt", l.updated_at as "updatedAt", l.deleted_at as "deletedAt"`;

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
