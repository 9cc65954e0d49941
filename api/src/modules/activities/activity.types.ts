import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ActivityKind {
  created = 'created',
  note = 'note',
  call = 'call',
  email = 'email',
  status_change = 'status_change',
  assignment = 'assignment',
  field_change = 'field_change',
  deleted = 'deleted',
  restored = 'restored',
}
registerEnumType(ActivityKind, { name: 'ActivityKind' });

@ObjectType('LeadActivity')
export class LeadActivityType {
  @Field(() => ID) id!: string;
  @Field(() => ID) leadId!: string;
  @Field(() => ActivityKind) kind!: ActivityKind;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'What changed: { from, to } ids for status and assignment, field names for edits.' })
  data!: Record<string, unknown>;
  @Field() createdAt!: Date;
  actorId!: string | null;
}

@ObjectType('LeadActivityEdge')
export class LeadActivityEdge {
  @Field() cursor!: string;
  @Field(() => LeadActivityType) node!: LeadActivityType;
}

@ObjectType('LeadActivityConnection')
export class LeadActivityConnection {
  @Field(() => [LeadActivityEdge]) edges!: LeadActivityEdge[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Int) totalCount!: number;
}

export interface ActivityRow {
  id: string;
  leadId: string;
  kind: ActivityKind;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  actorId: string | null;
}

export const ACTIVITY_COLUMNS = `id, lead_id as "leadId", kind, body, data, created_at as "createdAt", actor_id as "actorId"`;
