import { Field, ID, ObjectType } from 'type-graphql';
import { TenantType } from '../tenants/tenant.types';

@ObjectType('Membership', { description: 'A tenant the signed-in user belongs to.' })
export class MembershipType {
  @Field(() => ID) tenantId!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field() status!: string;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Short-lived JWT for the Authorization: Bearer header.' }) accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field({ description: 'Opaque, single-use: each refresh returns a new one; reusing an old one ends the session.' })
  refreshToken!: string;
  @Field() refreshTokenExpiresAt!: Date;
  @Field(() => TenantType, { nullable: true, description: 'The tenant the tokens are bound to; null until one is chosen.' })
  tenant!: TenantType | null;
  @Field(() => [MembershipType], { description: 'Tenants the user may switch to.' })
  memberships!: MembershipType[];
}

@ObjectType('Me')
export class MeType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field() isPlatformAdmin!: boolean;
  @Field(() => TenantType, { nullable: true }) tenant!: TenantType | null;
  @Field(() => [MembershipType]) memberships!: MembershipType[];
}
