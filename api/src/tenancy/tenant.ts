export type TenantStatus = 'provisioning' | 'active' | 'suspended' | 'failed' | 'deleted';

/** What the tenancy core knows about a tenant: a plain, cacheable record from control.tenants. */
export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  schemaName: string;
  dbRole: string;
  status: TenantStatus;
  schemaVersion: number;
}

export const TENANT_COLUMNS = `id, slug, name, schema_name as "schemaName", db_role as "dbRole", status, schema_version as "schemaVersion"`;
