import { setTimeout as sleep } from 'node:timers/promises';
import type { Platform } from '../../platform';
import type { JobQueue } from '../../jobs/queue';
import { createProvisionQueue, enqueueProvisioning } from '../../jobs/provision-tenant.job';
import { TENANT_COLUMNS, type TenantRecord, type TenantStatus } from '../../tenancy/tenant';
import { NotFoundError } from '../../graphql/errors';
import { ensureUser } from '../users/user.service';
import { isUuid } from '../../tenancy/names';

export interface CreateTenantInput {
  slug: string;
  name: string;
  adminEmail: string;
  adminName?: string;
  adminPassword?: string;
}

export interface CreatedTenant {
  tenant: TenantRecord;
  /** The tenant's first admin; `created` is false when the email belonged to an existing user (whose password is kept). */
  admin: { id: string; email: string; created: boolean };
}

export interface TenantSummary extends TenantRecord {
  failureReason: string | null;
  createdAt: Date;
  memberCount: number;
}

/** The tenant lifecycle as the API and the CLI see it. Provisioning itself runs as a job. */
export class TenantService {
  constructor(
    /** Public for the modules built on the lifecycle (modules/platform). */
    readonly platform: Platform,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Records the tenant (status `provisioning`), links its first admin and enqueues the provisioning job,
   * all in one transaction: either the tenant and its job both exist, or neither does.
   */
  async create(input: CreateTenantInput): Promise<TenantRecord> {
    return (await this.createWithAdmin(input)).tenant;
  }

  /** `create`, also telling whether the admin user was created by this call (the CLI prints a generated password then). */
  async createWithAdmin(input: CreateTenantInput): Promise<CreatedTenant> {
    const { db, provisioner, config } = this.platform;
    await createProvisionQueue(this.jobs, this.platform);
    const out = await db.tx(async (q) => {
      const { user, created } = await ensureUser(q, { email: input.adminEmail, name: input.adminName, password: input.adminPassword });
      const tenant = await provisioner.createRecord({ slug: input.slug, name: input.name, adminUserId: user.id }, q);
      await enqueueProvisioning(this.jobs, q, config, tenant.id);
      return { tenant, admin: { id: user.id, email: user.email, created } };
    });
    await this.platform.registry.invalidate(out.tenant);
    return out;
  }

  async get(idOrSlug: { id?: string; slug?: string }): Promise<TenantSummary | null> {
    const rows = await this.list({ id: idOrSlug.id, slug: idOrSlug.slug });
    return rows[0] ?? null;
  }

  async list(filter: { id?: string; slug?: string; status?: TenantStatus } = {}): Promise<TenantSummary[]> {
    if (filter.id !== undefined && !isUuid(filter.id)) return [];
    return this.platform.db.rows<TenantSummary>(
      `select ${TENANT_COLUMNS.split(', ').map((c) => `t.${c}`).join(', ')},
              t.failure_reason as "failureReason", t.created_at as "createdAt",
              (select count(*)::int from control.memberships m where m.tenant_id = t.id and m.status = 'active') as "memberCount"
         from control.tenants t
        where ($1::uuid is null or t.id = $1) and ($2::text is null or t.slug = $2) and ($3::text is null or t.status = $3)
        order by t.created_at, t.id`,
      [filter.id ?? null, filter.slug ?? null, filter.status ?? null],
    );
  }

  /** `reason` is kept with the status (control.tenants.failure_reason, the reason for the current status). */
  async setStatus(id: string, status: 'active' | 'suspended', reason?: string | null): Promise<TenantRecord> {
    const current = await this.platform.registry.byId(id);
    if (!current || current.status === 'deleted') throw new NotFoundError('Tenant');
    if (current.status !== 'active' && current.status !== 'suspended') return current;
    return (await this.platform.registry.setStatus(id, status, reason))!;
  }

  /** Polls until the tenant leaves `provisioning` (CLI and tests). */
  async waitUntilSettled(id: string, timeoutMs = 60_000): Promise<TenantSummary> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = await this.get({ id });
      if (!t) throw new NotFoundError('Tenant');
      if (t.status !== 'provisioning') return t;
      if (Date.now() > deadline) throw new Error(`tenant ${t.slug} still provisioning after ${timeoutMs} ms`);
      await sleep(100);
    }
  }
}
