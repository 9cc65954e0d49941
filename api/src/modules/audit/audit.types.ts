import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '../leads/lead.types';

@ObjectType('AuditEntry', { description: 'One recorded action in this tenant: who, what, on which record, from where.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field({ description: '`mutation.<field>` for every successful mutation, `auth.login` and `auth.login_failed` for sign-ins.' })
  action!: string;
  @Field(() => ID, { nullable: true, description: 'The member who acted (see `actor`), when a user did.' }) actorId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The API key that acted, when an integration did.' }) apiKeyId!: string | null;
  @Field(() => String, { nullable: true }) targetType!: string | null;
  @Field(() => ID, { nullable: true }) targetId!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Only the fields that changed: { field: { before, after } }.' })
  changes!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The arguments, without secrets, size-capped.' })
  args!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) clientIp!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

export interface AuditRow extends AuditEntryType {
  /** `at` as PostgreSQL prints it (microseconds), for cursors: a JS Date keeps milliseconds only. */
  atText: string;
}

export const AUDIT_COLUMNS = `id, at, at::text as "atText", action, actor_id as "actorId", api_key_id as "apiKeyId",
  target_type as "targetType", target_id as "targetId", changes, args, host(client_ip) as "clientIp",
  user_agent as "userAgent", request_id as "requestId"`;

@ObjectType('AuditLogEdge')
export class AuditLogEdge {
  @Field() cursor!: string;
  @Field(() => AuditEntryType) node!: AuditEntryType;
}

@ObjectType('AuditLogConnection')
export class AuditLogConnection {
  @Field(() => [AuditLogEdge]) edges!: AuditLogEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
