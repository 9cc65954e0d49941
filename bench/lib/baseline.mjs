import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './app-env.mjs';
import { SetupError } from './deps.mjs';

/**
 * `--baseline <git ref>`: the API as it was at that commit, served beside this checkout's in the same run, so a
 * lever is measured as a same-run ratio (`list_vs_baseline`) instead of two runs' absolute figures, which move more
 * between runs on a shared machine than most levers do (bench/results/levers.md).
 *
 * The ref's api/ and migrations/ are extracted with `git archive` into `dir` (no worktree to clean up), and run on
 * this checkout's installed packages (node_modules is linked, not installed): a baseline from before a dependency
 * change does not start, and says so. It reads the scratch database this checkout seeded and migrated.
 *
 * @param {string} ref
 * @param {string} dir an empty temporary folder
 * @returns {{ root: string, commit: string }}
 */
export function extractBaseline(ref, dir) {
  const git = (/** @type {string[]} */ args, /** @type {import('node:child_process').ExecFileSyncOptions} */ o = {}) =>
    execFileSync('git', ['-C', REPO_ROOT, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...o });
  let commit;
  try {
    commit = git(['rev-parse', '--verify', '--short', `${ref}^{commit}`]).toString().trim();
  } catch {
    throw new SetupError(`--baseline ${ref}: not a commit of this repository`);
  }
  const tar = git(['archive', '--format=tar', commit, 'api', 'migrations'], { maxBuffer: 256 * 2 ** 20 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  for (const modules of ['node_modules', path.join('api', 'node_modules')]) {
    const installed = path.join(REPO_ROOT, modules);
    if (fs.existsSync(installed)) fs.symlinkSync(installed, path.join(dir, modules), 'dir');
  }
  return { root: dir, commit };
}
