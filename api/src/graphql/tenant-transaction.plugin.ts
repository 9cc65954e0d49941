import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/**
 * Opens a query's tenant transaction read only, and ends each operation's tenant transaction: COMMIT when it
 * succeeded, ROLLBACK when any error was raised, so a mutation is all or nothing. A COMMIT that fails turns the response into an error: a client is never
 * told a write succeeded when it did not.
 */
export function tenantTransactionPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        // A query cannot write: its transaction opens READ ONLY (in the same message as BEGIN, so it costs nothing),
        // and a resolver that tried to write anyway would fail instead of committing. Mutations are unchanged.
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'query') contextValue.scope.readOnly = true;
        },
        async willSendResponse({ contextValue, response, errors }) {
          const session = contextValue.scope.session;
          if (!session) return;
          const body = response.body;
          const failed = Boolean(errors?.length) || (body.kind === 'single' && Boolean(body.singleResult.errors?.length));
          try {
            await session.finish(failed ? 'rollback' : 'commit');
          } catch {
            if (body.kind === 'single') {
              body.singleResult.data = null;
              body.singleResult.errors = [
                { message: 'The operation could not be committed and was rolled back', extensions: { code: 'TRANSACTION_FAILED' } },
              ];
            }
          }
        },
      };
    },
  };
}
