import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PIPELINE_READERS, type Role } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { MemberType } from '../members/member.types';
import { CreateTeamArgs, RenameTeamArgs, SetTeamMembersArgs } from './team.inputs';
import { teamMembersLoader } from './team.loader';
import { TeamService } from './team.service';
import { TeamType } from './team.types';

const teams = new TeamService();

@Resolver()
export class TeamResolver {
  @Authorized<Role>(...PIPELINE_READERS)
  @Query(() => [TeamType], { description: 'Ordered by name.' })
  teams(): Promise<TeamType[]> {
    return teams.list();
  }

  @Authorized<Role>('teams.manage')
  @Mutation(() => TeamType, { description: 'Refused with TEAM_NAME_TAKEN when another team has the name (ignoring case).' })
  createTeam(@Args() { name }: CreateTeamArgs, @Ctx() ctx: GraphQLContext): Promise<TeamType> {
    return teams.create(name, ctx.loaders);
  }

  @Authorized<Role>('teams.manage')
  @Mutation(() => TeamType)
  renameTeam(@Args() { id, name }: RenameTeamArgs, @Ctx() ctx: GraphQLContext): Promise<TeamType> {
    return teams.rename(id, name, ctx.loaders);
  }

  @Authorized<Role>('teams.manage')
  @Mutation(() => ID, { description: "The team's leads stay, with no team." })
  deleteTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    return teams.remove(id, ctx.loaders);
  }

  @Authorized<Role>('teams.manage')
  @Mutation(() => TeamType, { description: 'Replaces the members; refused (BAD_USER_INPUT, naming them) if any id is not an active member of this tenant.' })
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
