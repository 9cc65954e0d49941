/**
 * TypeORM entities of tenant tables. They are declared without a schema on purpose: the tenant transaction's
 * search_path decides which schema they resolve to, and with no tenant selected they resolve to nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const TENANT_ENTITIES: Function[] = [];
