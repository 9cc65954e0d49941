import fs from 'node:fs';
import path from 'node:path';

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

/** The repository's migrations/ folder, from api/src/db or api/dist/db alike. */
export const MIGRATIONS_ROOT = path.resolve(__dirname, '..', '..', '..', 'migrations');

/** Reads `NNNN_name.sql` files in version order; refuses gaps in naming and duplicate versions. */
export function readMigrations(dir: string): MigrationFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const out: MigrationFile[] = [];
  for (const file of files) {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new Error(`Duplicate migration version ${version} in ${dir}`);
    out.push({ version, name: m[2]!, sql: fs.readFileSync(path.join(dir, file), 'utf8') });
  }
  return out;
}
