import type { GraphQLContext } from '../../graphql/context';
import { permissionsOf } from './guard';

/**
 * Which leads a caller works with: null for every lead of the tenant (leads.read.all), or a user id for only the
 * leads that user owns. Computed once per request from the caller's permissions and passed explicitly to the
 * services, which put it in their SQL (lead.list.ts filterSql, LeadService, DashboardService): a lead outside the
 * scope is never loaded, so it cannot leak through a forgotten filter after loading.
 *
 * Anyone without leads.read.all is scoped to their own leads, whatever else they hold: a custom role with
 * leads.update but no read permission edits only its own leads. API keys hold leads.read.all (catalog.ts).
 */
export type OwnerScope = string | null;

export async function ownerScopeOf(ctx: GraphQLContext): Promise<OwnerScope> {
  if ((await permissionsOf(ctx)).has('leads.read.all')) return null;
  if (ctx.principal?.kind === 'user') return ctx.principal.userId;
  // An API key or anonymous caller without leads.read.all owns nothing: a scope no lead matches.
  return NOBODY;
}

/** The nil uuid: no user has it, so `owner_id = NOBODY` matches no lead. */
export const NOBODY = '00000000-0000-0000-0000-000000000000';
