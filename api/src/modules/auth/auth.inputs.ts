import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class LoginArgs {
  @Field() @IsEmail() @MaxLength(320) email!: string;
  @Field() @Length(1, 200) password!: string;
  @Field({ nullable: true, description: 'Tenant slug; optional when the user has one tenant or the host names it.' })
  @IsOptional()
  @Length(1, 64)
  tenant?: string;
}

@ArgsType()
export class RefreshArgs {
  @Field() @Length(1, 200) refreshToken!: string;
}

@ArgsType()
export class SwitchTenantArgs {
  @Field() @Length(1, 64) slug!: string;
}
