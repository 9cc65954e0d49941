import { Authorized, Ctx, Field, ID, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { tenantEventStream, type TenantEvent } from '../../graphql/subscriptions/event-stream';
import { Topic } from '../../graphql/topics';
import { ALL_PERMISSIONS, describePermissions, PERMISSIONS } from './catalog';
import { permissionsOf } from './guard';

@ObjectType('PermissionInfo', { description: 'One entry of the permission catalog.' })
export class PermissionType {
  @Field() key!: string;
  @Field({ description: 'The SPA module the permission unlocks.' }) module!: string;
  @Field() description!: string;
}

@ObjectType('MyPermissions', { description: "The caller's permissions in the current tenant and the SPA modules they unlock." })
export class MyPermissionsType {
  @Field(() => [String], { description: 'Permission keys, sorted.' }) permissions!: string[];
  @Field(() => [String], { description: 'Distinct SPA modules unlocked by those permissions, sorted: what the menus show.' }) modules!: string[];
}

@ObjectType('PermissionsChanged', { description: 'Roles or memberships of the current tenant changed: refetch myPermissions.' })
export class PermissionsChangedType {
  @Field(() => [ID], { description: 'The users affected, when known; empty means possibly anyone.' }) userIds!: string[];
  @Field() at!: Date;
}

/** What PermissionCache.invalidateTenant publishes on Topic.PERMISSIONS_CHANGED. */
interface PermissionsChangedEvent extends TenantEvent {
  userIds: string[];
  at: string;
}

@Resolver()
export class PermissionResolver {
  @Authorized<Role>('member')
  @Query(() => MyPermissionsType, { description: "The caller's permissions in the current tenant and the SPA modules to show." })
  async myPermissions(@Ctx() ctx: GraphQLContext): Promise<MyPermissionsType> {
    return describePermissions(await permissionsOf(ctx));
  }

  @Authorized<Role>('member')
  @Query(() => [PermissionType], { description: 'Every permission a role can hold.' })
  permissionCatalog(): PermissionType[] {
    return ALL_PERMISSIONS.map((key) => ({ key, ...PERMISSIONS[key] }));
  }

  @Authorized<Role>('member')
  @Subscription(() => PermissionsChangedType, {
    description: "Fires when any role or membership of the subscriber's tenant changes, in any API process.",
    subscribe: ({ context }) => tenantEventStream<PermissionsChangedEvent>(context as GraphQLContext, Topic.PERMISSIONS_CHANGED, () => true),
  })
  permissionsChanged(@Root() event: PermissionsChangedEvent): PermissionsChangedType {
    return { userIds: Array.isArray(event.userIds) ? event.userIds : [], at: new Date(event.at) };
  }
}
