import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { MemberStatus } from './member.types';

const MAX_ROLES = 50;

@ArgsType()
export class MembersArgs {
  @Field(() => [MemberStatus], { nullable: true, description: 'Defaults to active members. Any other status needs members.manage.' })
  @IsOptional()
  statuses?: MemberStatus[] | null;
}

@ArgsType()
export class SetMemberRolesArgs {
  @Field(() => ID) userId!: string;
  @Field(() => [ID], { description: "The member's whole set of roles: at least one." }) @ArrayMaxSize(MAX_ROLES) roleIds!: string[];
}

@ArgsType()
export class InviteMemberArgs {
  @Field() @MaxLength(320) email!: string;
  @Field(() => String, { nullable: true, description: 'Used when the email has no account yet.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;
  @Field(() => [ID], { description: 'At least one role, each carrying only permissions the caller holds.' }) @ArrayMaxSize(MAX_ROLES) roleIds!: string[];
}

@ArgsType()
export class AcceptInvitationArgs {
  @Field() @MaxLength(200) token!: string;
  @Field({ description: 'Becomes the account password when it has none yet.' }) @MaxLength(200) password!: string;
  @Field(() => String, { nullable: true, description: 'Replaces the name of a new account.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;
}
