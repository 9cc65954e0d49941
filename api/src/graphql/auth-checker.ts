import type { AuthCheckerFn } from 'type-graphql';
import { isPermission, type Permission } from '../modules/permissions/catalog';
import { permissionsOf } from '../modules/permissions/guard';
import { currentTenant, runInScope } from '../tenancy/context';
import type { GraphQLContext } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';

/**
 * The roles `@Authorized<Role>(...)` takes. Any one of the listed roles grants access (any-of):
 * - `public`: anyone, signed in or not (login, refresh, currentTenant);
 * - `authenticated`: a signed-in user, in a tenant or not (me, logout, switchTenant); an API key is not one;
 * - `platform-admin`: a signed-in platform administrator;
 * - `member`: a signed-in member of the request's tenant (an API key is not a member);
 * - a permission key of modules/permissions/catalog.ts, held in the request's tenant (by role, or API_KEY_PERMISSIONS).
 *
 * Every Query, Mutation and Subscription field declares its roles; graphql/authorization.test.ts walks the
 * built schema and fails on any field without them, so nothing is public by omission.
 */
export type Role = 'public' | 'authenticated' | 'platform-admin' | 'member' | Permission;
export const BASIC_ROLES: readonly Role[] = ['public', 'authenticated', 'platform-admin', 'member'];

/** Tells whether a role string means anything: the schema walk refuses fields naming anything else. */
export function isRole(role: string): role is Role {
  return (BASIC_ROLES as readonly string[]).includes(role) || isPermission(role);
}

/**
 * The authChecker given to buildSchema (authMode 'error'). It never answers false: a refusal throws the typed
 * error that says why, so clients branch on extensions.code: no principal → the context's authentication error or
 * UNAUTHENTICATED (sign in first: the token then names the tenant); a tenant role (member, a permission) without a
 * usable tenant → the tenant's own error (TENANT_REQUIRED, TENANT_SUSPENDED...); then FORBIDDEN.
 *
 * type-graphql runs it before every middleware (it enters the request scope itself, so it works wherever it is called) and
 * before argument validation: a refused caller learns nothing about the input rules.
 * On a subscription it runs when subscribing and again for every event (the event stream resets the cached
 * permissions per event), so a revoked permission stops the feed at its next event.
 */
export const authChecker: AuthCheckerFn<GraphQLContext, Role> = ({ context }, roles) => {
  if (!roles.length) throw new Error('@Authorized() without a role: name who may use the field');
  if (roles.includes('public')) return true;
  const principal = context.principal;
  const user = principal?.kind === 'user' ? principal : null;
  if (user && roles.includes('authenticated')) return true;
  if (user?.isPlatformAdmin && roles.includes('platform-admin')) return true;

  if (!principal) throw context.authError ?? new UnauthenticatedError();
  const permissions = roles.filter(isPermission);
  const inTenant = roles.includes('member') || permissions.length > 0;
  if (!inTenant) {
    if (!user) throw context.authError ?? new UnauthenticatedError('Sign in as a user');
    throw new ForbiddenError(roles.includes('platform-admin') ? 'Platform administrators only' : 'Not allowed');
  }
  // Tenant roles: the tenant's own refusal first (none named, suspended, not a member of it...).
  runInScope(context.scope, currentTenant);
  // The context factory admitted this user to the tenant only as an active member.
  if (user && roles.includes('member')) return true;
  if (!permissions.length) throw new ForbiddenError('Members of this tenant only');
  return permissionsOf(context).then((held) => {
    if (permissions.some((p) => held.has(p))) return true;
    throw new ForbiddenError(`This needs the ${permissions.join(' or ')} permission`);
  });
};

/**
 * Reading the pipeline's shape (statuses, workflow, custom fields, teams): every member, and whoever writes leads,
 * because a lead names its status, team and custom fields. This is how an integration's API key (no member) learns them.
 */
export const PIPELINE_READERS: Role[] = ['member', 'leads.create', 'leads.update'];
