import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { from, switchMap } from 'rxjs';
import { GRAPHQL_PATH, type AuthClient } from '../auth/auth-client';
import { cachePolicies } from './cache';

export interface LeadplaneApollo {
  client: ApolloClient;
  ws: WsClient;
  dispose(): void;
}

/** Codes after which a refresh cannot help: the session itself is over. */
const SESSION_OVER = new Set(['INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED', 'SESSION_ENDED']);

/**
 * One Apollo client per signed-in user *and* tenant: switching tenant or signing out builds a new client with an
 * empty cache, so no normalized object of one tenant can ever render in another (cache keys are ids only).
 *
 * Links: the access token is attached (refreshed first when about to expire); an UNAUTHENTICATED answer triggers
 * one refresh and a retry; subscriptions go over graphql-ws with the same token, reconnecting with a fresh one when
 * the server closes the socket at token expiry (4401), and refetching active queries after any reconnect so
 * changes missed while disconnected still show.
 */
export function createApollo(auth: AuthClient, opts: { origin?: string } = {}): LeadplaneApollo {
  const origin = opts.origin ?? window.location.origin;
  const httpLink = new HttpLink({ uri: `${origin}${GRAPHQL_PATH}` });

  const authLink = new SetContextLink(async (prev) => {
    const token = await auth.freshAccessToken().catch(() => null);
    return { headers: { ...(prev.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });

  const retryOnExpiry = new ErrorLink(({ error, operation, forward }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    const unauth = error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (!unauth || SESSION_OVER.has(String(unauth.extensions?.reason)) || operation.getContext().retriedAfterRefresh) return;
    return from(auth.refresh().catch(() => null)).pipe(
      switchMap((session) => {
        if (!session) return from([{ errors: error.errors }]);
        operation.setContext({ retriedAfterRefresh: true, headers: { authorization: `Bearer ${session.accessToken}` } });
        return forward(operation);
      }),
    );
  });

  const wsUrl = `${origin.replace(/^http/, 'ws')}${GRAPHQL_PATH}`;
  let reconnecting = false;
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => auth.store.get() !== null,
    retryWait: async (retries) => new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** retries))),
    connectionParams: async () => {
      const token = await auth.freshAccessToken().catch(() => null);
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      closed: (event) => {
        reconnecting = true;
        // 4401: the access token expired or the session ended. Refresh now; the next connectionParams uses it.
        if ((event as CloseEvent | undefined)?.code === 4401) void auth.refresh().catch(() => undefined);
      },
      connected: () => {
        if (reconnecting) void client.refetchObservableQueries();
        reconnecting = false;
      },
    },
  });

  const split = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([retryOnExpiry, authLink, httpLink]),
  );

  // cache-and-network: a screen shows what the cache has at once and still asks the API, so a list that was not on
  // screen while live events arrived (and so was not refetched) is current again when the user comes back.
  const client = new ApolloClient({
    link: split,
    cache: new InMemoryCache(cachePolicies),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return {
    client,
    ws,
    dispose() {
      void ws.dispose();
      client.stop();
      void client.clearStore();
    },
  };
}
