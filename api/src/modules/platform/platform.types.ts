import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../leads/lead.types';
import { TenantStatusEnum } from '../tenants/tenant.types';
import { PlatformDataRead } from './platform.service';

registerEnumType(PlatformDataRead, {
  name: 'PlatformDataRead',
  description: "Whether the tenant's own numbers (leadCount, lastActivityAt) were read.",
  valuesConfig: {
    READ: { description: "Read from the tenant's schema, read-only, as the tenant's own role." },
    NO_DATA: { description: 'Provisioning, failed or deleted: the tenant has no schema to read.' },
    FAILED: { description: 'The read failed; the control-plane fields are still current.' },
  },
});

@ObjectType('PlatformTenant', { description: 'A tenant as platform administrators see it across tenants. Reading it is audited.' })
export class PlatformTenantType {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => TenantStatusEnum) status!: string;
  @Field(() => Int) schemaVersion!: number;
  @Field(() => Int, { description: 'Active memberships (control plane).' }) memberCount!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) suspendedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the tenant has its status (suspension or provisioning failure).' })
  statusReason!: string | null;
  @Field(() => Int, { nullable: true, description: 'Leads not deleted; null unless dataRead is READ.' }) leadCount!: number | null;
  @Field(() => Date, { nullable: true, description: 'Latest lead activity or lead update; null when none, or not read.' })
  lastActivityAt!: Date | null;
  @Field(() => PlatformDataRead) dataRead!: PlatformDataRead;
}

@ObjectType('PlatformTenantEdge')
export class PlatformTenantEdge {
  @Field() cursor!: string;
  @Field(() => PlatformTenantType) node!: PlatformTenantType;
}

@ObjectType('PlatformTenantConnection')
export class PlatformTenantConnection {
  @Field(() => [PlatformTenantEdge]) edges!: PlatformTenantEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType('PlatformAuditEntry', { description: 'One platform operation: who, what, which tenants, from where.' })
export class PlatformAuditEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field({ description: 'e.g. platform.tenants.read, platform.tenants.suspend, platform.tenants.reactivate, platform.users.disable, platform.users.enable' }) action!: string;
  @Field(() => [ID], { description: 'The tenants the operation disclosed or changed.' }) tenantIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The user the operation changed (platform.users.disable, platform.users.enable).' }) subjectUserId!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) clientIp!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@ObjectType('PlatformAuditEntryEdge')
export class PlatformAuditEntryEdge {
  @Field() cursor!: string;
  @Field(() => PlatformAuditEntryType) node!: PlatformAuditEntryType;
}

@ObjectType('PlatformAuditConnection')
export class PlatformAuditConnection {
  @Field(() => [PlatformAuditEntryEdge]) edges!: PlatformAuditEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

/** Forward-only pages: previous-page links are not offered. */
export function pageInfo<T extends { cursor: string }>(rows: T[], hasNextPage: boolean): PageInfo {
  return { hasNextPage, hasPreviousPage: false, startCursor: rows[0]?.cursor ?? null, endCursor: rows.at(-1)?.cursor ?? null };
}

@ObjectType('PlatformUser', { description: 'A user account as platform admins see it.' })
export class PlatformUserType {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => Date, { nullable: true, description: 'Set while the account is disabled: no login, no live session.' }) disabledAt!: Date | null;
  @Field(() => Int, { description: 'Sessions this change revoked (disable); 0 otherwise.' }) revokedSessions!: number;
}
