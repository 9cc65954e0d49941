import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything else receives a parsed, validated `Config`.
 * Parsing happens once at boot and fails fast with every problem listed.
 */

const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? def : ['true', '1', 'yes'].includes(v)));

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(def);

export const TENANT_STRATEGIES = ['jwt', 'host', 'apikey'] as const;
export type TenantStrategy = (typeof TENANT_STRATEGIES)[number];

const DEV_JWT_SECRET = 'leadplane-development-secret-change-me-0123456789';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: int(4000, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.string().url().optional(),
    DATABASE_URL: z.string().url().optional(),
    EMBEDDED_PG_DIR: z.string().default(path.join(os.tmpdir(), 'leadplane-pg')),
    EMBEDDED_PG_PORT: int(54320, 1024, 65535),
    DB_POOL_MAX: int(10, 1, 500),
    DB_POOL_MAX_USES: int(7500, 0),
    DB_POOL_MAX_LIFETIME_S: int(1800, 0),
    DB_STATEMENT_TIMEOUT_MS: int(15_000, 0),
    DB_READ_LANES: int(0, 0, 250),
    DB_PREPARED_READS: int(0, 0, 100_000),
    REDIS_URL: z.string().url().optional(),
    REDIS_PREFIX: z.string().regex(/^[a-z0-9:_-]{1,40}$/i).default('lp:'),
    JWT_SECRET: z.string().min(32).optional(),
    JWT_ISSUER: z.string().min(1).default('leadplane'),
    JWT_AUDIENCE: z.string().min(1).default('leadplane-api'),
    ACCESS_TOKEN_TTL_S: int(900, 10, 86_400),
    REFRESH_TOKEN_TTL_S: int(30 * 86_400, 60),
    TENANT_RESOLVERS: z
      .string()
      .default('jwt')
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.enum(TENANT_STRATEGIES)).min(1)),
    TENANT_BASE_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i)
      .optional(),
    TENANT_CACHE_TTL_MS: int(5000, 0, 600_000),
    AUTH_CACHE_TTL_MS: int(5000, 0, 60_000),
    API_KEY_HEADER: z.string().default('x-api-key'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: int(5, 1),
    LOGIN_MAX_FAILURES_PER_IP: int(30, 1),
    LOGIN_THROTTLE_WINDOW_S: int(900, 1),
    GRAPHQL_MAX_DEPTH: int(12, 2, 100),
    GRAPHQL_MAX_ALIASES: int(50, 1, 1000),
    HTTP_MAX_BODY_BYTES: int(1_048_576, 1024),
    TRUST_PROXY: bool(false),
    SEED_DEMO: bool(true),
    PROVISION_MAX_ATTEMPTS: int(3, 1, 20),
    JOB_POLL_INTERVAL_S: z.coerce.number().min(0.5).max(60).default(1),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'required in production (at least 32 characters)' });
    }
    if (env.DB_READ_LANES > 0 && env.DB_POOL_MAX > 1 && env.DB_READ_LANES >= env.DB_POOL_MAX) {
      ctx.addIssue({ code: 'custom', path: ['DB_READ_LANES'], message: `must be below DB_POOL_MAX (${env.DB_POOL_MAX}): writes and the control plane need connections too` });
    }
    if (env.TENANT_RESOLVERS.includes('host') && !env.TENANT_BASE_DOMAIN) {
      ctx.addIssue({ code: 'custom', path: ['TENANT_BASE_DOMAIN'], message: 'required when TENANT_RESOLVERS includes host' });
    }
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  http: { port: number; host: string; publicUrl?: string; maxBodyBytes: number; trustProxy: boolean };
  db: {
    url?: string;
    embedded: { dir: string; port: number };
    pool: { max: number; maxUses: number; maxLifetimeSeconds: number; statementTimeoutMs: number };
    /** Tenant-affine read lanes of the batch reader (DB_READ_LANES), fixed; 0: one per 1,000 tenants, at most half the pool. */
    readLanes: number;
    /** Prepared statements of batched reads kept per connection (DB_PREPARED_READS); 0: none, as behind a transaction-pooling proxy. */
    preparedReads: number;
  };
  redis: { url?: string; prefix: string };
  jwt: { secret: string; issuer: string; audience: string; accessTtlS: number; refreshTtlS: number };
  tenancy: {
    strategies: TenantStrategy[];
    baseDomain?: string;
    cacheTtlMs: number;
    apiKeyHeader: string;
  };
  /** How long this process may remember a live session and a user's permissions without asking (modules/auth/auth-cache.ts). */
  auth: { cacheTtlMs: number };
  throttle: { perAccount: number; perIp: number; windowS: number };
  graphql: { maxDepth: number; maxAliases: number };
  jobs: { provisionMaxAttempts: number; pollIntervalS: number };
  seedDemo: boolean;
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {}

/** Parse an environment (process.env by default, overrides win) into a Config; throws listing every problem. */
export function loadConfig(overrides: Record<string, string | undefined> = {}, source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse({ ...source, ...overrides });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    http: { port: e.PORT, host: e.HOST, publicUrl: e.PUBLIC_URL, maxBodyBytes: e.HTTP_MAX_BODY_BYTES, trustProxy: e.TRUST_PROXY },
    db: {
      url: e.DATABASE_URL,
      embedded: { dir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
      pool: {
        max: e.DB_POOL_MAX,
        maxUses: e.DB_POOL_MAX_USES,
        maxLifetimeSeconds: e.DB_POOL_MAX_LIFETIME_S,
        statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      },
      readLanes: e.DB_READ_LANES,
      preparedReads: e.DB_PREPARED_READS,
    },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    jwt: {
      secret: e.JWT_SECRET ?? DEV_JWT_SECRET,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTtlS: e.ACCESS_TOKEN_TTL_S,
      refreshTtlS: e.REFRESH_TOKEN_TTL_S,
    },
    tenancy: {
      strategies: e.TENANT_RESOLVERS,
      baseDomain: e.TENANT_BASE_DOMAIN?.toLowerCase(),
      cacheTtlMs: e.TENANT_CACHE_TTL_MS,
      apiKeyHeader: e.API_KEY_HEADER.toLowerCase(),
    },
    auth: { cacheTtlMs: e.AUTH_CACHE_TTL_MS },
    throttle: { perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, perIp: e.LOGIN_MAX_FAILURES_PER_IP, windowS: e.LOGIN_THROTTLE_WINDOW_S },
    graphql: { maxDepth: e.GRAPHQL_MAX_DEPTH, maxAliases: e.GRAPHQL_MAX_ALIASES },
    jobs: { provisionMaxAttempts: e.PROVISION_MAX_ATTEMPTS, pollIntervalS: e.JOB_POLL_INTERVAL_S },
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
  };
}
