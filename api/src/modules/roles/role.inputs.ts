import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

export const ROLE_KEY_RE = /^[a-z][a-z0-9_]{1,39}$/;
const KEY_MESSAGE = 'key must start with a lowercase letter and hold 2 to 40 lowercase letters, digits or underscores';
const MAX_PERMISSIONS = 100;

@InputType()
export class CreateRoleInput {
  @Field() @Matches(ROLE_KEY_RE, { message: KEY_MESSAGE }) key!: string;
  @Field() @Length(1, 100) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) description?: string | null;
  @Field(() => [String], { description: 'Permission keys from permissionCatalog; you must hold each one yourself.' })
  @ArrayMaxSize(MAX_PERMISSIONS)
  permissions!: string[];
}

@InputType({ description: 'Omitted fields are unchanged. description: null clears it; name and permissions cannot be cleared.' })
export class UpdateRoleInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the permissions; you must hold every one of them yourself.' })
  @IsOptional()
  @ArrayMaxSize(MAX_PERMISSIONS)
  permissions?: string[] | null;
}
