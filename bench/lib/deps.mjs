import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BENCH_DIR } from './app-env.mjs';

/**
 * The bench's private dependencies (autocannon, PostGraphile 4 with its graphql 15) live in bench/postgraphile,
 * an npm project of its own outside the workspaces, so graphql 15 never meets the API's graphql 16.
 */
export const DEPS_DIR = path.join(BENCH_DIR, 'postgraphile');
const INSTALL_HINT = 'run `npm run bench:install` (npm install --prefix bench/postgraphile)';

const depsRequire = createRequire(path.join(DEPS_DIR, 'package.json'));

/** A problem the operator fixes (reported without a stack trace). */
export class SetupError extends Error {}

/** @param {string} name */
export function requireBenchDep(name) {
  try {
    return depsRequire(name);
  } catch (err) {
    if (/** @type {any} */ (err).code === 'MODULE_NOT_FOUND') throw new SetupError(`The bench dependency "${name}" is not installed: ${INSTALL_HINT}`);
    throw err;
  }
}

/** Fails with the install hint unless every private dependency is there, at the versions package.json pins. */
export function checkBenchDeps() {
  const wanted = JSON.parse(fs.readFileSync(path.join(DEPS_DIR, 'package.json'), 'utf8')).dependencies;
  for (const [name, version] of Object.entries(wanted)) {
    const file = path.join(DEPS_DIR, 'node_modules', name, 'package.json');
    if (!fs.existsSync(file)) throw new SetupError(`The bench dependency ${name}@${version} is not installed: ${INSTALL_HINT}`);
    const installed = JSON.parse(fs.readFileSync(file, 'utf8')).version;
    if (installed !== version) throw new SetupError(`bench/postgraphile has ${name}@${installed}, package.json pins ${version}: ${INSTALL_HINT}`);
  }
  return wanted;
}
