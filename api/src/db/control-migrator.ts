import path from 'node:path';
import type { Logger } from '../lib/logger';
import type { ControlDb } from './control-db';
import { MIGRATIONS_ROOT, readMigrations } from './migration-files';

/**
 * Applies migrations/control/*.sql in one transaction, under an advisory lock so that several
 * API processes booting together apply them once.
 */
export async function migrateControlPlane(db: ControlDb, logger: Logger, dir = path.join(MIGRATIONS_ROOT, 'control')): Promise<number[]> {
  const files = readMigrations(dir);
  return db.tx(async (q) => {
    await q.rows(`select pg_advisory_xact_lock(hashtext('leadplane:control-migrations'))`);
    await q.rows(`create schema if not exists control`);
    await q.rows(
      `create table if not exists control.schema_migrations (
         version integer primary key, name text not null, applied_at timestamptz not null default now())`,
    );
    const applied = new Set((await q.rows<{ version: number }>('select version from control.schema_migrations')).map((r) => r.version));
    const done: number[] = [];
    for (const m of files) {
      if (applied.has(m.version)) continue;
      logger.info('applying control migration', { version: m.version, name: m.name });
      await q.rows(m.sql);
      await q.rows('insert into control.schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
