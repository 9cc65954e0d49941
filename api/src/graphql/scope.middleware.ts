import type { MiddlewareFn } from 'type-graphql';
import { runInScope } from '../tenancy/context';
import type { GraphQLContext } from './context';

/**
 * Runs every resolver inside its operation's request scope (AsyncLocalStorage), whatever transport called it:
 * HTTP, websocket or a test. This is what makes `tenantManager()` find the right tenant, and only that one.
 */
export const ScopeMiddleware: MiddlewareFn<GraphQLContext> = ({ context }, next) => runInScope(context.scope, next);
