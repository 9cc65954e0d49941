/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'node_modules', '.bin', 'graphql-codegen');

function check(cwd: string) {
  return spawnSync(cli, ['--config', 'codegen.yml', '--check'], { cwd, encoding: 'utf8' });
}

// The typed documents in web/src/gql are generated from schema.graphql and the documents in web/src; a change to
// either without `npm run codegen` would leave the SPA typed against a schema or queries that no longer exist.
test('web/src/gql is what `npm run codegen` generates from schema.graphql', () => {
  const r = check(root);
  expect({ status: r.status, out: r.status === 0 ? '' : r.stdout + r.stderr }).toEqual({ status: 0, out: '' });
});

// The check above must be able to fail: a copy with one generated file changed is reported stale.
test('the staleness check fails when the generated code differs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-codegen-'));
  try {
    fs.copyFileSync(path.join(root, 'codegen.yml'), path.join(dir, 'codegen.yml'));
    fs.copyFileSync(path.join(root, 'schema.graphql'), path.join(dir, 'schema.graphql'));
    fs.cpSync(path.join(root, 'web', 'src'), path.join(dir, 'web', 'src'), { recursive: true });
    const gql = path.join(dir, 'web', 'src', 'gql', 'graphql.ts');
    fs.appendFileSync(gql, '\n// edited by hand\n');
    expect(check(dir).status).not.toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
