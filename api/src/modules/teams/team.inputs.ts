import { ArrayMaxSize, Length } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

export const MAX_TEAM_MEMBERS = 1000;

@ArgsType()
export class CreateTeamArgs {
  @Field() @Length(1, 100) name!: string;
}

@ArgsType()
export class RenameTeamArgs {
  @Field(() => ID) id!: string;
  @Field() @Length(1, 100) name!: string;
}

@ArgsType()
export class SetTeamMembersArgs {
  @Field(() => ID) teamId!: string;
  @Field(() => [ID], { description: 'The whole membership: active members of this tenant.' })
  @ArrayMaxSize(MAX_TEAM_MEMBERS)
  userIds!: string[];
}
