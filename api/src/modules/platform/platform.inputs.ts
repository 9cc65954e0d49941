import { IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { TenantStatusEnum } from '../tenants/tenant.types';

/** A page of tenants is read with one unit per tenant: 50 keeps a page well inside a request's time. */
export const MAX_TENANT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;

@ArgsType()
export class PlatformTenantsArgs {
  @Field(() => TenantStatusEnum, { nullable: true }) @IsOptional() status?: TenantStatusEnum;
  @Field(() => Int, { defaultValue: 20, description: `At most ${MAX_TENANT_PAGE}.` }) @IsInt() @Min(1) @Max(MAX_TENANT_PAGE) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) after?: string;
}

@ArgsType()
export class PlatformAuditLogArgs {
  @Field(() => Int, { defaultValue: 50, description: `At most ${MAX_AUDIT_PAGE}.` }) @IsInt() @Min(1) @Max(MAX_AUDIT_PAGE) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) after?: string;
  @Field(() => ID, { nullable: true, description: 'Only operations that named this tenant.' }) @IsOptional() @IsUUID() tenantId?: string;
}

@ArgsType()
export class SuspendTenantArgs {
  @Field(() => ID) id!: string;
  @Field({ description: 'Kept with the tenant and in the platform audit.' }) @Length(1, 1000) reason!: string;
}
