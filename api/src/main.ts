import 'reflect-metadata';
import { loadConfig } from './config/env';
import { createLogger } from './lib/logger';
import { seedDemo } from './modules/demo/demo';
import { startRuntime } from './runtime';

/** Wiring only: configuration, the runtime, the demo seed on the embedded default, graceful shutdown. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, config.isProduction);
  const runtime = await startRuntime(config, { platform: { logger } });
  const usingEmbedded = !config.db.url;

  let logins: Awaited<ReturnType<typeof seedDemo>> = [];
  if (config.seedDemo && !config.isProduction) logins = await seedDemo(runtime.platform, runtime.services);

  const lines = [
    '',
    `  Leadplane is running at ${runtime.url}`,
    `  GraphQL:  ${runtime.url}/graphql  (HTTP and websocket)`,
    `  Health:   ${runtime.url}/healthz   ${runtime.url}/readyz`,
    `  Database: ${usingEmbedded ? `embedded PostgreSQL (${config.db.embedded.dir})` : 'DATABASE_URL'}; pub/sub: ${config.redis.url ? 'Redis' : 'in-process'}`,
  ];
  if (logins.length) {
    lines.push('', '  Demo logins (tenant "acme"):');
    for (const l of logins) lines.push(`    ${l.email.padEnd(22)} ${l.password}   ${l.role}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    try {
      await runtime.close();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      logger.error('shutdown failed', { err: String(err) });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Leadplane failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
