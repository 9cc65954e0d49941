import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Role as Access } from '../../graphql/auth-checker';
import { requireUser, type GraphQLContext } from '../../graphql/context';
import { CreateRoleInput, UpdateRoleInput } from './role.inputs';
import { forgetRoleLoads, roleMemberCountLoader } from './role.loader';
import { RoleService } from './role.service';
import { RoleType } from './role.types';

const roles = (ctx: GraphQLContext) => new RoleService(ctx.services.permissions);
const actor = (ctx: GraphQLContext) => ({ userId: requireUser(ctx).userId });

@Resolver()
export class RoleResolver {
  @Authorized<Access>('member')
  @Query(() => [RoleType], { description: "The tenant's roles: system roles first, then by name." })
  roles(@Ctx() ctx: GraphQLContext): Promise<RoleType[]> {
    return roles(ctx).list();
  }

  @Authorized<Access>('roles.manage')
  @Mutation(() => RoleType, {
    description:
      'Refused with ROLE_KEY_TAKEN when the key is used, BAD_USER_INPUT naming unknown permission keys, and ' +
      'PERMISSION_ESCALATION when it would carry a permission the caller does not hold.',
  })
  async createRole(@Arg('input') input: CreateRoleInput, @Ctx() ctx: GraphQLContext): Promise<RoleType> {
    return roles(ctx).create(actor(ctx), input);
  }

  @Authorized<Access>('roles.manage')
  @Mutation(() => RoleType, {
    description:
      'New permissions must all be held by the caller (PERMISSION_ESCALATION). The system admin role cannot lose a ' +
      'permission (LAST_ADMIN).',
  })
  async updateRole(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateRoleInput, @Ctx() ctx: GraphQLContext): Promise<RoleType> {
    const role = await roles(ctx).update(actor(ctx), id, input);
    forgetRoleLoads(ctx);
    return role;
  }

  @Authorized<Access>('roles.manage')
  @Mutation(() => ID, {
    description:
      'Refused with ROLE_IN_USE while members hold the role and no moveMembersTo is given; with it, they move to that ' +
      'role in the same transaction. System roles cannot be deleted (ROLE_IS_SYSTEM).',
  })
  async deleteRole(
    @Arg('id', () => ID) id: string,
    @Arg('moveMembersTo', () => ID, { nullable: true }) moveMembersTo: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string> {
    const deleted = await roles(ctx).remove(actor(ctx), id, moveMembersTo ?? null);
    forgetRoleLoads(ctx);
    return deleted;
  }
}

@Resolver(() => RoleType)
export class RoleFieldsResolver {
  @FieldResolver(() => Int, { description: 'Members holding the role, whatever their status. One statement for every role of a response.' })
  memberCount(@Root() role: RoleType, @Ctx() ctx: GraphQLContext): Promise<number> {
    return roleMemberCountLoader(ctx).load(role.id);
  }
}
