import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { startProvisionWorker } from '../jobs/provision-tenant.job';
import { JobQueue } from '../jobs/queue';
import { PlatformAuditAction, PlatformAuditService } from '../modules/platform/platform-audit.service';
import { TenantService, type TenantSummary } from '../modules/tenants/tenant.service';
import { TenantStatusEnum } from '../modules/tenants/tenant.types';
import type { Platform } from '../platform';
import type { TenantStatus } from '../tenancy/tenant';
import { EXIT_FAILED, EXIT_OK, out, UsageError } from './common';

export interface CreateCommand {
  slug: string;
  name: string;
  adminEmail: string;
  adminName?: string;
  adminPassword?: string;
  wait: boolean;
  timeoutMs: number;
}

/** 24 characters from a 144-bit random value: well above the password policy, easy to copy. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The same path as the createTenant mutation (record + job in one transaction), then this process runs the
 * provisioning worker until the tenant settles. Exit 1 when it ended `failed` or did not settle in time.
 */
export async function createTenant(platform: Platform, cmd: CreateCommand): Promise<number> {
  const jobs = new JobQueue(platform);
  try {
    await jobs.start();
    const tenants = new TenantService(platform, jobs);
    // ensureUser keeps an existing user's password, so a generated one only matters (and is shown) for a new user.
    const generated = cmd.adminPassword === undefined ? generatePassword() : undefined;
    const { tenant, admin } = await tenants.createWithAdmin({
      slug: cmd.slug,
      name: cmd.name,
      adminEmail: cmd.adminEmail,
      adminName: cmd.adminName,
      adminPassword: cmd.adminPassword ?? generated,
    });
    out(`tenant ${tenant.slug} recorded (id ${tenant.id}), provisioning queued`);
    out(`admin: ${admin.email} (${admin.created ? 'new user' : 'existing user, password unchanged'})`);
    if (admin.created && generated) out(`admin password (shown once): ${generated}`);
    if (!cmd.wait) {
      out('not waiting: a running API process provisions it; follow it with `npm run tenants -- list`');
      return EXIT_OK;
    }
    await startProvisionWorker(jobs, platform);
    let settled: TenantSummary;
    try {
      settled = await tenants.waitUntilSettled(tenant.id, cmd.timeoutMs);
    } catch (e) {
      out(`${(e as Error).message}; its job stays queued for the API's worker`);
      return EXIT_FAILED;
    }
    if (settled.status === 'failed') {
      out(`tenant ${settled.slug} FAILED to provision: ${settled.failureReason ?? 'no reason recorded'}`);
      return EXIT_FAILED;
    }
    out(`tenant ${settled.slug} is ${settled.status} (schema ${settled.schemaName}, version ${settled.schemaVersion})`);
    return EXIT_OK;
  } finally {
    await jobs.stop();
  }
}

const STATUSES = Object.values(TenantStatusEnum) as string[];

export async function listTenants(platform: Platform, status?: string): Promise<number> {
  if (status !== undefined && !STATUSES.includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
  const tenants = new TenantService(platform, new JobQueue(platform));
  const rows = await tenants.list({ status: status as TenantStatus | undefined });
  if (!rows.length) {
    out(status ? `no ${status} tenants` : 'no tenants');
    return EXIT_OK;
  }
  const latest = platform.migrator.latestVersion;
  const table = [
    ['SLUG', 'STATUS', 'VERSION', 'MEMBERS', 'CREATED', ''],
    ...rows.map((t) => [
      t.slug,
      t.status,
      t.schemaVersion < latest && (t.status === 'active' || t.status === 'suspended') ? `${t.schemaVersion} (behind ${latest})` : String(t.schemaVersion),
      String(t.memberCount),
      t.createdAt.toISOString().slice(0, 16).replace('T', ' '),
      t.failureReason ? `reason: ${t.failureReason.replace(/\s+/g, ' ').slice(0, 120)}` : '',
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) out(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  out(`${rows.length} tenant${rows.length === 1 ? '' : 's'}`);
  return EXIT_OK;
}

export async function setTenantStatus(platform: Platform, slug: string, target: 'active' | 'suspended'): Promise<number> {
  const tenants = new TenantService(platform, new JobQueue(platform));
  const t = await tenants.get({ slug });
  if (!t || t.status === 'deleted') throw new Error(`no tenant with slug "${slug}"`);
  const verb = target === 'suspended' ? 'suspended' : 'reactivated';
  if (t.status === target) {
    out(`tenant ${slug} is already ${target}`);
    return EXIT_OK;
  }
  if (t.status !== 'active' && t.status !== 'suspended') {
    throw new Error(`tenant ${slug} is ${t.status}: only active or suspended tenants can be ${verb}`);
  }
  // Recorded like the API's suspendTenant/reactivateTenant, before the change (no record, no change).
  await new PlatformAuditService(platform.db).record(
    { actorId: null, clientIp: '', userAgent: `leadplane-cli (${os.userInfo().username}@${os.hostname()})`, requestId: '' },
    target === 'suspended' ? PlatformAuditAction.TENANT_SUSPEND : PlatformAuditAction.TENANT_REACTIVATE,
    [t.id],
  );
  const updated = await tenants.setStatus(t.id, target);
  out(`tenant ${slug} ${verb} (status ${updated.status})`);
  return updated.status === target ? EXIT_OK : EXIT_FAILED;
}
