import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { MemberType } from '../members/member.types';
import { requirePermission } from '../permissions/guard';
import { CreateTeamArgs, RenameTeamArgs, SetTeamMembersArgs } from './team.inputs';
import { teamMembersLoader } from './team.loader';
import { TeamService } from './team.service';
import { TeamType } from './team.types';

const teams = new TeamService();
/** Runs before argument validation: a caller without teams.manage learns nothing about the input rules. */
const Manage: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
  await requirePermission(context, 'teams.manage');
  return next();
};

@Resolver()
export class TeamResolver {
  @Query(() => [TeamType], { description: 'Ordered by name.' })
  teams(): Promise<TeamType[]> {
    return teams.list();
  }

  @Mutation(() => TeamType, { description: 'Refused with TEAM_NAME_TAKEN when another team has the name (ignoring case).' })
  @UseMiddleware(Manage)
  createTeam(@Args() { name }: CreateTeamArgs, @Ctx() ctx: GraphQLContext): Promise<TeamType> {
    return teams.create(name, ctx.loaders);
  }

  @Mutation(() => TeamType)
  @UseMiddleware(Manage)
  renameTeam(@Args() { id, name }: RenameTeamArgs, @Ctx() ctx: GraphQLContext): Promise<TeamType> {
    return teams.rename(id, name, ctx.loaders);
  }

  @Mutation(() => ID, { description: "The team's leads stay, with no team." })
  @UseMiddleware(Manage)
  deleteTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return teams.remove(id, ctx.loaders);
  }

  @Mutation(() => TeamType, { description: 'Replaces the members; refused (BAD_USER_INPUT, naming them) if any id is not an active member of this tenant.' })
  @UseMiddleware(Manage)
  async setTeamMembers(@Args() { teamId, userIds }: SetTeamMembersArgs, @Ctx() ctx: GraphQLContext): Promise<TeamType> {
    const team = await teams.setMembers(teamId, userIds);
    teamMembersLoader(ctx).clear(team.id);
    return team;
  }
}

@Resolver(() => TeamType)
export class TeamFieldsResolver {
  @FieldResolver(() => [MemberType], { description: 'Active members, by name. One statement for every team of a response.' })
  members(@Root() team: TeamType, @Ctx() ctx: GraphQLContext): Promise<MemberType[]> {
    return teamMembersLoader(ctx).load(team.id);
  }
}
