/**
 * Bench child: PostGraphile 4.14 (graphql 15, from this folder's own node_modules) over one tenant schema,
 * as a plain node:http server with the postgraphile() middleware, configured as its docs recommend for
 * production: no query log, no GraphiQL, no default mutations, RBAC respected, a pool as large as the API's.
 * It connects as the bench's database user with no role or JWT settings, so it runs each query without a
 * transaction: the fastest PostGraphile, and the one the API is held to.
 */
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { childArgs, fail, ready, serveIpc } from '../lib/ipc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'package.json'));

/**
 * writeCache / readCache: a file PostGraphile writes its introspection to, or reads it from instead of introspecting
 * (a database kept for reuse, bench/run.mjs).
 * @type {{ databaseUrl: string, schema: string, pool: number, writeCache?: string, readCache?: string }}
 */
const args = childArgs();

async function main() {
  const { postgraphile } = require('postgraphile');
  const { makePgSmartTagsFromFilePlugin } = require('postgraphile/plugins');
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: args.databaseUrl, max: args.pool, application_name: 'leadplane-bench-postgraphile' });
  const middleware = postgraphile(pool, [args.schema], {
    graphqlRoute: '/graphql',
    graphiql: false,
    disableQueryLog: true,
    disableDefaultMutations: true,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    legacyRelations: 'omit',
    watchPg: false,
    retryOnInitFail: false,
    appendPlugins: [makePgSmartTagsFromFilePlugin(path.join(here, 'postgraphile.tags.json5'))],
    ...(args.writeCache ? { writeCache: args.writeCache } : {}),
    ...(args.readCache ? { readCache: args.readCache } : {}),
  });
  const server = http.createServer(middleware);
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  // The schema is built on first use: build it now so no measurement pays for introspection.
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await middleware.getGraphQLSchema();
  serveIpc({}, async () => {
    server.close();
    server.closeAllConnections();
    await middleware.release();
    await pool.end();
  });
  ready({ url: `http://127.0.0.1:${port}` });
}

main().catch(fail);
