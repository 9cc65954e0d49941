import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Role', { description: "A named set of permissions held by members of the current tenant." })
export class RoleType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Unique in the tenant; fixed once created.' }) key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String], { description: 'Permission keys (see permissionCatalog), sorted.' }) permissions!: string[];
  @Field({ description: 'Seeded with the tenant; cannot be deleted. The admin role also keeps every permission it has.' })
  isSystem!: boolean;
  // memberCount: a field resolver (role.resolver.ts), batched for every role of a response.
}


export interface RoleRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  permissions: string[];
  isSystem: boolean;
}

/** Permissions come back sorted so that responses (and comparisons in tests) do not depend on insertion order. */
export const ROLE_COLUMNS = `r.id, r.key, r.name, r.description, array(select unnest(r.permissions) order by 1) as permissions, r.is_system as "isSystem"`;

/** The system role that keeps the tenant administrable: the last active member holding it cannot lose it. */
export const ADMIN_ROLE_KEY = 'admin';
