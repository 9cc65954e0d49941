import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/**
 * Ends each operation's tenant transaction: COMMIT when it succeeded, ROLLBACK when any error was raised, so a
 * mutation is all or nothing. A COMMIT that fails turns the response into an error: a client is never told a write
 * succeeded when it did not. (A query's reads are marked read only by the executor, for every transport:
 * graphql/executor.ts, ADR 0009.)
 */
export function tenantTransactionPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
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
