import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Role as Access } from '../../graphql/auth-checker';
import { requireUser, type GraphQLContext } from '../../graphql/context';
import { requirePermission } from '../permissions/guard';
import { forgetRoleLoads, memberRolesLoader } from '../roles/role.loader';
import { RoleType } from '../roles/role.types';
import { AcceptInvitationArgs, InviteMemberArgs, MembersArgs, SetMemberRolesArgs } from './member.inputs';
import { MemberService } from './member.service';
import { InvitationAcceptedType, MemberInvitationType, MemberStatus, MemberType } from './member.types';

const members = new MemberService();
const actor = (ctx: GraphQLContext) => ({ userId: requireUser(ctx).userId });

@Resolver()
export class MemberResolver {
  @Authorized<Access>('member')
  @Query(() => [MemberType], { description: 'Members of the current tenant, by name: active ones unless statuses says otherwise.' })
  async members(@Args() { statuses }: MembersArgs, @Ctx() ctx: GraphQLContext): Promise<MemberType[]> {
    const wanted = statuses?.length ? statuses : [MemberStatus.active];
    if (wanted.some((s) => s !== MemberStatus.active)) await requirePermission(ctx, 'members.manage');
    return members.list(wanted);
  }

  @Authorized<Access>('members.manage')
  @Mutation(() => MemberType, {
    description:
      "Replaces the member's roles (at least one). Adding a role needs every permission it carries (PERMISSION_ESCALATION); " +
      'the last active admin keeps the admin role (LAST_ADMIN).',
  })
  async setMemberRoles(@Args() { userId, roleIds }: SetMemberRolesArgs, @Ctx() ctx: GraphQLContext): Promise<MemberType> {
    const member = await ctx.services.members.setRoles(actor(ctx), userId, roleIds);
    forgetRoleLoads(ctx);
    return member;
  }

  @Authorized<Access>('members.manage')
  @Mutation(() => MemberInvitationType, {
    description:
      'Invites someone by email (their account is created without a password when they have none): the membership is ' +
      'invited until acceptInvitation. MEMBER_EXISTS for active or deactivated members; re-inviting replaces the token.',
  })
  inviteMember(@Args() args: InviteMemberArgs, @Ctx() ctx: GraphQLContext): Promise<MemberInvitationType> {
    return ctx.services.invitations.invite(actor(ctx), args);
  }

  @Authorized<Access>('public')
  @Mutation(() => InvitationAcceptedType, {
    description:
      'No sign-in needed: sets the password of an account that has none, activates the membership and uses the token ' +
      'up. INVITATION_INVALID (used, revoked, unknown) or INVITATION_EXPIRED otherwise.',
  })
  acceptInvitation(@Args() args: AcceptInvitationArgs, @Ctx() ctx: GraphQLContext): Promise<InvitationAcceptedType> {
    return ctx.services.invitations.accept(args);
  }

  @Authorized<Access>('members.manage')
  @Mutation(() => MemberType, { description: 'Their next request to this tenant is refused; roles are kept. The last active admin cannot be deactivated (LAST_ADMIN).' })
  deactivateMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<MemberType> {
    return ctx.services.members.deactivate(actor(ctx), userId);
  }

  @Authorized<Access>('members.manage')
  @Mutation(() => MemberType, { description: 'Gives a deactivated member access and their roles back (which the caller must hold).' })
  reactivateMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<MemberType> {
    return ctx.services.members.reactivate(actor(ctx), userId);
  }
}

@Resolver(() => MemberType)
export class MemberFieldsResolver {
  @FieldResolver(() => [RoleType], { description: 'The roles held here. One statement for every member of a response.' })
  roles(@Root() member: MemberType, @Ctx() ctx: GraphQLContext): Promise<RoleType[]> {
    return memberRolesLoader(ctx).load(member.id);
  }
}
