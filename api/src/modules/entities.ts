/**
 * TypeORM entities of tenant tables. They are declared without a schema on purpose: the tenant transaction's
 * schema selection (tenancy/session.ts) decides which schema they resolve to; with no tenant selected, to nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const TENANT_ENTITIES: Function[] = [];
