import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, specifiedRules, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Platform } from './platform';
import type { Services } from './services';
import { createContextFactory, headerValue, type GraphQLContext } from './graphql/context';
import { DocumentCache } from './graphql/document-cache';
import { makeFormatError } from './graphql/errors';
import { OperationExecutor } from './graphql/executor';
import { graphqlPostHandler, httpRefusal } from './graphql/http-post';
import { aliasLimit, depthLimit } from './graphql/limits';
import { tenantTransactionPlugin } from './graphql/tenant-transaction.plugin';
import { TenantEvents, type SubscriptionContext } from './graphql/subscriptions/event-stream';
import { SocketGuard } from './graphql/subscriptions/socket-guard';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, drains HTTP requests and websockets, then returns. */
  stop(): Promise<void>;
}

const WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');
const WEB_PLACEHOLDER = path.resolve(__dirname, '..', '..', 'web', 'placeholder');

/** Wires HTTP, GraphQL over HTTP and websockets on one port. No business logic here. */
export interface AppOptions {
  /** The built SPA to serve; defaults to web/dist when built, else a placeholder page. Tests pass their own build. */
  webDir?: string;
}

export async function createApp(platform: Platform, services: Services, schema: GraphQLSchema, opts: AppOptions = {}): Promise<App> {
  const { config, logger } = platform;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  // POST /graphql with JSON goes straight to Apollo (graphql/http-post.ts); everything else through express.
  // (Set once Apollo has started; until then every request goes to express.)
  const direct: { graphqlPost?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean } = {};
  const httpServer = http.createServer((req, res) => {
    if (!direct.graphqlPost?.(req, res)) app(req, res);
  });
  const buildContext = createContextFactory(platform, services);
  const executor = new OperationExecutor(schema);

  const limitRules = [depthLimit(config.graphql.maxDepth), aliasLimit(config.graphql.maxAliases)];
  const formatError = makeFormatError({
    exposeInternals: config.env === 'development',
    onInternal: (err) => logger.error('unexpected error', { err: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  });

  // Websockets: the same context factory as HTTP, plus the tenant event source; SocketGuard closes a socket
  // whose token expires, whose session is revoked or whose tenant is suspended (graphql/subscriptions/).
  const events = new TenantEvents(platform.bus, config.redis.prefix, platform.batchReader);
  const sockets = new SocketGuard(platform, buildContext);
  await sockets.start();
  const wsInput = (ctx: { connectionParams?: Record<string, unknown>; extra: { request: http.IncomingMessage } }) => {
    const auth = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    return { headers: ctx.extra.request.headers, ip: ctx.extra.request.socket.remoteAddress ?? '', authorization: typeof auth === 'string' ? auth : undefined };
  };
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e));
  // Parsed and validated once per query text, so that subscriptions sending the same text share one document and
  // one compiled plan (graphql/document-cache.ts); the same limits as HTTP: depth and aliases are checked before anything runs.
  const wsDocuments = new DocumentCache([...specifiedRules, ...limitRules]);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.http.maxBodyBytes });
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: (ctx) => sockets.admit(ctx.extra.socket, wsInput(ctx)),
      onClose: (ctx) => sockets.release(ctx.extra.socket),
      context: async (ctx): Promise<SubscriptionContext> => Object.assign(await buildContext(wsInput(ctx)), { events }),
      parse: wsDocuments.parse,
      validate: wsDocuments.validate,
      subscribe: (args) => executor.subscribe({ ...args, contextValue: args.contextValue as GraphQLContext }),
      // Queries and mutations sent over the socket end their tenant transaction like HTTP ones do (the Apollo
      // plugin only sees HTTP): COMMIT when clean, ROLLBACK on any error; subscriptions manage theirs per event.
      execute: async (args) => {
        const result = await executor.execute({ ...args, contextValue: args.contextValue as GraphQLContext });
        const session = (args.contextValue as GraphQLContext).scope.session;
        if (!session) return result;
        try {
          await session.finish(result.errors?.length ? 'rollback' : 'commit');
        } catch {
          return { data: null, errors: [new GraphQLError('The operation could not be committed and was rolled back', { extensions: { code: 'TRANSACTION_FAILED' } })] };
        }
        return result;
      },
      // The same masking as HTTP: typed codes pass, anything else becomes INTERNAL_SERVER_ERROR.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatAll(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    // Our schema with graphql-jit as the executor (graphql/executor.ts), through Apollo's executor hook.
    gateway: executor.gateway(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals and drains everything in order; Apollo's own handler (on in production) raced it.
    stopOnTerminationSignals: false,
    validationRules: limitRules,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
              await sockets.stop();
            },
          };
        },
      },
      tenantTransactionPlugin(),
      // No field carries a cache hint and no cache reads them; Apollo's default cache-control plugin would still wrap
      // every field resolver (willResolveField) of every operation.
      ApolloServerPluginCacheControlDisabled(),
      config.isProduction ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });
  await apollo.start();
  direct.graphqlPost = graphqlPostHandler({
    apollo,
    maxBodyBytes: config.http.maxBodyBytes,
    trust: app.get('trust proxy fn') as (addr: string, i: number) => boolean,
    context: buildContext,
    onInternal: (err) => logger.error('http error', { err: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    try {
      await platform.db.one('select 1');
      checks.database = 'ok';
    } catch (err) {
      checks.database = `error: ${(err as Error).message}`;
    }
    if (platform.redis) {
      try {
        await platform.redis.ping();
        checks.redis = 'ok';
      } catch (err) {
        checks.redis = `error: ${(err as Error).message}`;
      }
    } else {
      checks.redis = 'in-process';
    }
    const ok = Object.values(checks).every((v) => !v.startsWith('error'));
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', checks });
  });

  app.use(
    '/graphql',
    express.json({ limit: config.http.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        buildContext({ headers: req.headers, ip: req.ip ?? req.socket.remoteAddress ?? '', authorization: headerValue(req.headers.authorization) }),
    }),
  );

  const webRoot = opts.webDir ?? (fs.existsSync(path.join(WEB_DIST, 'index.html')) ? WEB_DIST : WEB_PLACEHOLDER);
  // Vite's assets carry a content hash and may be cached for long; index.html must be revalidated so a deploy
  // reaches open browsers at their next navigation.
  const noCacheHtml = (res: express.Response, file: string) => {
    if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  };
  app.use('/assets', express.static(path.join(webRoot, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(webRoot, { index: 'index.html', maxAge: '1h', setHeaders: noCacheHtml }));
  app.get(/^\/(?!graphql|healthz|readyz|assets\/).*/, (_req, res, next) => {
    const index = path.join(webRoot, 'index.html');
    if (fs.existsSync(index)) res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    else next();
  });

  // Errors before GraphQL (body too large, malformed JSON) still answer in GraphQL's error shape.
  app.use((err: { type?: string; status?: number; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.type === 'entity.too.large' ? 413 : (err.status ?? 500);
    if (status >= 500) logger.error('http error', { err: err.message });
    const refusal = httpRefusal(status, config.http.maxBodyBytes);
    res.status(refusal.status).type('application/json').send(refusal.body);
  });

  return {
    httpServer,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const addr = httpServer.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      }),
    async stop() {
      await apollo.stop();
      wsServer.close();
    },
  };
}
