import 'reflect-metadata';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Config } from './config/env';
import { ControlDb } from './db/control-db';
import { migrateControlPlane } from './db/control-migrator';
import { startEmbeddedPostgres, type EmbeddedHandle } from './db/embedded';
import { type KeyValueStore, MemoryStore, RedisStore } from './lib/kv';
import { createLogger, type Logger } from './lib/logger';
import { InProcessBus, type MessageBus, RedisBus } from './lib/pubsub';
import { TenantMigrator } from './tenancy/migrator';
import { rolePrefixForDatabase } from './tenancy/names';
import { type ProvisionHooks, TenantProvisioner } from './tenancy/provisioner';
import { TenantRegistry } from './tenancy/registry';
import { AuthCache } from './modules/auth/auth-cache';
import { TenantResolutionChain } from './tenancy/resolvers';
import { TenantSession, type SessionOptions } from './tenancy/session';
import type { TenantRecord } from './tenancy/tenant';
import { TenantBatchReader } from './tenancy/batch-read';
import { seedTenantDefaults } from './modules/tenant-setup/seed';
import { TENANT_ENTITIES } from './modules/entities';

/**
 * Everything a process (API, worker, CLI, test) needs, built once from a Config: the database (embedded when
 * DATABASE_URL is unset), Redis or its in-process stand-ins, and the tenancy core.
 */
export interface Platform {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  pool: Pool;
  db: ControlDb;
  kv: KeyValueStore;
  bus: MessageBus;
  redis?: Redis;
  registry: TenantRegistry;
  /** This process's memory of live sessions and permissions, dropped by invalidation broadcasts (ADR 0010). */
  authCache: AuthCache;
  /** Reads by id in many tenants, many per round trip (subscription events): tenancy/batch-read.ts. */
  batchReader: TenantBatchReader;
  migrator: TenantMigrator;
  provisioner: TenantProvisioner;
  resolution: TenantResolutionChain;
  databaseUrl: string;
  openSession(tenant: TenantRecord, opts?: SessionOptions): TenantSession;
  close(): Promise<void>;
}

export interface PlatformOptions {
  logger?: Logger;
  /** Apply control-plane migrations at start (default true). */
  migrate?: boolean;
  provisionHooks?: ProvisionHooks;
  tenantMigrationsDir?: string;
  applicationName?: string;
  /** Sees every statement of tenant transactions (statement-count tests, benchmarks). */
  onStatement?: (sql: string) => void;
}

export async function createPlatform(config: Config, opts: PlatformOptions = {}): Promise<Platform> {
  const logger = opts.logger ?? createLogger(config.logLevel, config.isProduction);
  let embedded: EmbeddedHandle | undefined;
  let databaseUrl = config.db.url;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ ...config.db.embedded, database: 'leadplane', logger });
    databaseUrl = embedded.url;
    logger.info('embedded PostgreSQL started', { dir: config.db.embedded.dir, port: config.db.embedded.port });
  }

  // Read lanes (tenancy/batch-read.ts) have connections of their own, out of DB_POOL_MAX, and keep them: a backend
  // stays a lane's, so the tenants that hash to it meet it warm. The rest is the pool of writes, the control plane
  // and spill-over. A pool too small to leave that rest (and a transaction that needs a second connection) two
  // connections lets its lanes borrow from it instead, as they did before.
  const readLanes = config.db.readLanes || Math.max(1, Math.floor(config.db.pool.max / 2));
  const ownLanes = config.db.pool.max - readLanes >= 2;
  const applicationName = opts.applicationName ?? 'leadplane-api';
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: TENANT_ENTITIES,
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: ownLanes ? config.db.pool.max - readLanes : config.db.pool.max,
      // Each backend caches the catalog of every tenant schema it touched: recycle backends.
      maxUses: config.db.pool.maxUses || undefined,
      maxLifetimeSeconds: config.db.pool.maxLifetimeSeconds || undefined,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
    },
  });
  await dataSource.initialize();
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const db = new ControlDb(pool);
  if (opts.migrate !== false) await migrateControlPlane(db, logger);

  let redis: Redis | undefined;
  let kv: KeyValueStore;
  let bus: MessageBus;
  if (config.redis.url) {
    // Auto-pipelining: the commands of one event-loop turn (every request's permission MGET, the registry's GETs)
    // leave in one write. The subscriber connection is in subscribe mode and keeps plain writes.
    redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2, lazyConnect: true, enableAutoPipelining: true });
    const sub = redis.duplicate({ enableAutoPipelining: false });
    // Connect (and fail fast) before the subscriber enters subscribe mode, which would break its ready check.
    await Promise.all([redis.connect(), sub.connect()]);
    kv = new RedisStore(redis);
    bus = new RedisBus(redis, sub);
  } else {
    kv = new MemoryStore();
    bus = new InProcessBus();
  }

  const { current_database: database } = (await db.one<{ current_database: string }>('select current_database()'))!;
  const rolePrefix = rolePrefixForDatabase(database);
  const registry = new TenantRegistry(db, kv, bus, config.redis.prefix, config.tenancy.cacheTtlMs);
  await registry.start();
  const authCache = new AuthCache(bus, config.redis.prefix, config.auth.cacheTtlMs);
  await authCache.start();
  const migrator = new TenantMigrator(db, logger, opts.tenantMigrationsDir);
  const provisioner = new TenantProvisioner(db, migrator, registry, rolePrefix, seedTenantDefaults, logger, opts.provisionHooks);
  const resolution = TenantResolutionChain.fromConfig(config.tenancy, db, registry, config.http.trustProxy);

  const lanePool = ownLanes
    ? new Pool({
        connectionString: databaseUrl,
        application_name: `${applicationName}-lanes`,
        max: readLanes,
        maxLifetimeSeconds: config.db.pool.maxLifetimeSeconds || undefined,
        idleTimeoutMillis: 0,
        connectionTimeoutMillis: 10_000,
      })
    : undefined;
  // A lane's backend that ends (restart, terminate) fails its next message, which the reader retries elsewhere.
  lanePool?.on('error', (err) => logger.warn('read-lane connection lost', { error: err.message }));
  const batchReader = new TenantBatchReader(pool, {
    statementTimeoutMs: config.db.pool.statementTimeoutMs,
    onStatement: opts.onStatement,
    lanes: readLanes,
    lanePool,
    // A lane gives its backend back, to be recycled, after the pool's lifetime for a backend (its catalog caches grow).
    recycleMs: config.db.pool.maxLifetimeSeconds ? config.db.pool.maxLifetimeSeconds * 1000 : undefined,
    prepared: config.db.preparedReads,
    onPreparedOff: () =>
      logger.warn('prepared reads turned off: connections do not keep their prepared statements (a pooling proxy in transaction mode?); set DB_PREPARED_READS=0'),
  });
  let closed = false;
  return {
    config,
    logger,
    dataSource,
    pool,
    db,
    kv,
    bus,
    redis,
    registry,
    authCache,
    batchReader,
    migrator,
    provisioner,
    resolution,
    databaseUrl,
    openSession: (tenant, sessionOpts) =>
      new TenantSession(dataSource, tenant, logger, {
        statementTimeoutMs: config.db.pool.statementTimeoutMs,
        onStatement: opts.onStatement,
        reads: batchReader,
        ...sessionOpts,
      }),
    async close() {
      if (closed) return;
      closed = true;
      await registry.stop();
      await authCache.stop();
      await bus.close();
      await kv.close();
      redis?.disconnect();
      batchReader.close();
      await lanePool?.end();
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
