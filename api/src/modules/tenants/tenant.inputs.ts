import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateTenantInput {
  @Field({ description: '3-40 characters: lowercase letters, digits, single hyphens; becomes the subdomain.' })
  @Matches(/^[a-z][a-z0-9-]{2,39}$/, { message: 'slug must be 3-40 lowercase letters, digits or hyphens, starting with a letter' })
  slug!: string;
  @Field() @Length(1, 200) name!: string;
  @Field() @IsEmail() @MaxLength(320) adminEmail!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) adminName?: string;
  @Field({ nullable: true, description: 'Only for a new user; existing users keep their password.' })
  @IsOptional()
  @Length(10, 200)
  adminPassword?: string;
}
