import { createHash } from 'node:crypto';
import type { Config, TenantStrategy } from '../config/env';
import type { ControlDb } from '../db/control-db';
import { type AppError, UnauthenticatedError } from '../graphql/errors';
import type { TenantRegistry } from './registry';
import type { TenantRecord } from './tenant';
import { TenancyError, TenancyErrorCode } from './tenancy.errors';

/** What a resolver may look at: the request's headers and, when a valid token came with it, its tenant claim. */
export interface ResolutionInput {
  headers: Record<string, string | string[] | undefined>;
  /** The verified access token's tenant claim; null when there is no valid token. */
  tokenTenantId: string | null;
}

export interface TenantHint {
  strategy: TenantStrategy;
  tenantId?: string;
  slug?: string;
  /** Set by the API-key strategy: the key that authenticated the request. */
  apiKeyId?: string;
}

/** A pluggable way to name the request's tenant. Returns null when the request says nothing to it. */
export interface TenantResolver {
  readonly strategy: TenantStrategy;
  resolve(input: ResolutionInput): Promise<TenantHint | null>;
}

export class JwtClaimResolver implements TenantResolver {
  readonly strategy = 'jwt' as const;
  async resolve(input: ResolutionInput): Promise<TenantHint | null> {
    return input.tokenTenantId ? { strategy: this.strategy, tenantId: input.tokenTenantId } : null;
  }
}

/** `<slug>.<base domain>`; the bare base domain (and www) name no tenant. */
export class HostResolver implements TenantResolver {
  readonly strategy = 'host' as const;
  private readonly base: string;
  /** X-Forwarded-Host is believed only behind a trusted proxy (TRUST_PROXY); otherwise any client could set it. */
  constructor(
    baseDomain: string,
    private readonly trustProxy = false,
  ) {
    this.base = baseDomain.toLowerCase().replace(/:\d+$/, '');
  }
  async resolve(input: ResolutionInput): Promise<TenantHint | null> {
    const forwarded = this.trustProxy ? first(input.headers['x-forwarded-host'])?.split(',')[0] : undefined;
    const raw = forwarded ?? first(input.headers.host);
    if (!raw) return null;
    const host = raw.toLowerCase().trim().replace(/:\d+$/, '').replace(/\.$/, '');
    if (host === this.base || !host.endsWith(`.${this.base}`)) return null;
    const label = host.slice(0, -(this.base.length + 1));
    if (!label || label.includes('.') || label === 'www') return null;
    return { strategy: this.strategy, slug: label };
  }
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** An API key in a header names its tenant. A key that is presented but unknown or revoked is refused outright. */
export class ApiKeyResolver implements TenantResolver {
  readonly strategy = 'apikey' as const;
  constructor(
    private readonly db: ControlDb,
    private readonly header: string,
  ) {}
  async resolve(input: ResolutionInput): Promise<TenantHint | null> {
    const key = first(input.headers[this.header]);
    if (key === undefined) return null;
    if (!/^lp_[A-Za-z0-9_-]{20,200}$/.test(key)) throw new UnauthenticatedError('Malformed API key');
    const row = await this.db.one<{ id: string; tenant_id: string }>(
      `select id, tenant_id from control.api_keys where key_hash = $1 and revoked_at is null`,
      [hashApiKey(key)],
    );
    if (!row) throw new UnauthenticatedError('Unknown or revoked API key');
    return { strategy: this.strategy, tenantId: row.tenant_id, apiKeyId: row.id };
  }
}

export interface Resolution {
  /** The active tenant the request may use. */
  tenant?: TenantRecord;
  /** A tenant was named but may not be served (unknown, suspended, not ready): deferred until tenant data is touched. */
  denied?: AppError;
  /** Which strategies named the tenant. */
  strategies: TenantStrategy[];
  /** The API key that named (and authenticated for) the tenant, if any. */
  apiKeyId?: string;
}

/**
 * Runs every configured strategy; when two name different tenants the request is refused (TENANT_MISMATCH).
 * The result fails closed: no hint, no tenant.
 */
export class TenantResolutionChain {
  constructor(
    readonly resolvers: TenantResolver[],
    private readonly registry: TenantRegistry,
  ) {}

  static fromConfig(cfg: Config['tenancy'], db: ControlDb, registry: TenantRegistry, trustProxy = false): TenantResolutionChain {
    const build: Record<TenantStrategy, () => TenantResolver> = {
      jwt: () => new JwtClaimResolver(),
      host: () => new HostResolver(cfg.baseDomain!, trustProxy),
      apikey: () => new ApiKeyResolver(db, cfg.apiKeyHeader),
    };
    return new TenantResolutionChain(cfg.strategies.map((s) => build[s]()), registry);
  }

  has(strategy: TenantStrategy): boolean {
    return this.resolvers.some((r) => r.strategy === strategy);
  }

  async resolve(input: ResolutionInput): Promise<Resolution> {
    const hints = (await Promise.all(this.resolvers.map((r) => r.resolve(input)))).filter((h): h is TenantHint => h !== null);
    if (hints.length === 0) return { strategies: [] };
    const records = await Promise.all(hints.map((h) => (h.tenantId ? this.registry.byId(h.tenantId) : this.registry.bySlug(h.slug!))));
    const strategies = hints.map((h) => h.strategy);
    const ids = new Set(records.map((r, i) => r?.id ?? `missing:${hints[i]!.tenantId ?? hints[i]!.slug}`));
    if (ids.size > 1) {
      throw new TenancyError(TenancyErrorCode.TENANT_MISMATCH, `The request names different tenants (${strategies.join(', ')})`);
    }
    const apiKeyId = hints.find((h) => h.apiKeyId)?.apiKeyId;
    return { ...gate(records[0] ?? null, strategies), apiKeyId };
  }
}

/** Only an active tenant is served. */
export function gate(tenant: TenantRecord | null, strategies: TenantStrategy[] = []): Resolution {
  if (!tenant || tenant.status === 'deleted') {
    return { strategies, denied: new TenancyError(TenancyErrorCode.TENANT_NOT_FOUND, 'Unknown tenant') };
  }
  if (tenant.status === 'suspended') {
    return { strategies, denied: new TenancyError(TenancyErrorCode.TENANT_SUSPENDED, `Tenant "${tenant.slug}" is suspended`) };
  }
  if (tenant.status !== 'active') {
    return { strategies, denied: new TenancyError(TenancyErrorCode.TENANT_NOT_READY, `Tenant "${tenant.slug}" is not ready yet (${tenant.status})`) };
  }
  return { strategies, tenant };
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
