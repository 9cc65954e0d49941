import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and a require() that loads the API's TypeScript sources (api/src) as they are. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');

/**
 * @param {string} [root] the checkout whose api/ to load: this one, or a baseline's (bench/lib/baseline.mjs)
 * @returns {NodeRequire}
 */
export function apiRequire(root = REPO_ROOT) {
  const require = createRequire(path.join(root, 'api', 'package.json'));
  require(path.join(BENCH_DIR, 'lib', 'register-ts.cjs'));
  return require;
}

/** @param {string} modulePath relative to api/src, without extension @param {string} [root] as in apiRequire */
export function loadApi(modulePath, root = REPO_ROOT) {
  return apiRequire(root)(path.join(root, 'api', 'src', modulePath));
}

/**
 * The environment every bench child builds the API's Config from (loadConfig(env, {})): production mode, the
 * scratch database, a per-run JWT secret (tokens are minted with it), 24-hour tokens so long runs never see
 * one expire, and Redis only when the caller's environment names one (as the app itself does).
 * @param {{ databaseUrl: string, jwtSecret: string, pool: number, readLanes?: number, redisUrl?: string, prefix: string }} o
 * @returns {Record<string, string>}
 */
export function appEnv(o) {
  /** @type {Record<string, string>} */
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: o.databaseUrl,
    JWT_SECRET: o.jwtSecret,
    ACCESS_TOKEN_TTL_S: '86400',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    DB_POOL_MAX: String(o.pool),
    DB_READ_LANES: String(o.readLanes ?? 0),
    REDIS_PREFIX: o.prefix,
  };
  if (o.redisUrl) env.REDIS_URL = o.redisUrl;
  return env;
}
