import type { Platform } from '../../platform';
import type { Services } from '../../services';
import { tenantManager } from '../../tenancy/context';
import { withTenant } from '../../tenancy/with-tenant';
import { ensureUser } from '../users/user.service';
import { seedDemoPipeline } from './demo-seed';

export const DEMO_PASSWORD = 'leadplane-demo';
export const DEMO_TENANT = { slug: 'acme', name: 'Acme Corporation' };
export const DEMO_USERS = [
  { email: 'alice@acme.test', name: 'Alice Admin', role: 'admin' },
  { email: 'bob@acme.test', name: 'Bob Manager', role: 'manager' },
  { email: 'carol@acme.test', name: 'Carol Agent', role: 'agent' },
] as const;
export const PLATFORM_ADMIN = { email: 'ops@leadplane.test', name: 'Platform Operator' };

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

/**
 * Seeds the demo: a platform operator and the tenant `acme` with an admin, a manager and an agent, provisioned
 * through the same background job as any tenant, then a pipeline to look at (demo-seed.ts).
 * Does nothing for parts that already exist.
 */
export async function seedDemo(platform: Platform, services: Services): Promise<DemoLogin[]> {
  const { db, logger } = platform;
  await db.tx((q) => ensureUser(q, { ...PLATFORM_ADMIN, password: DEMO_PASSWORD, isPlatformAdmin: true }));
  let tenant = await platform.registry.bySlug(DEMO_TENANT.slug);
  if (!tenant) {
    logger.info('provisioning the demo tenant', { slug: DEMO_TENANT.slug });
    const [admin] = DEMO_USERS;
    tenant = await services.tenants.create({ ...DEMO_TENANT, adminEmail: admin.email, adminName: admin.name, adminPassword: DEMO_PASSWORD });
    const settled = await services.tenants.waitUntilSettled(tenant.id, 120_000);
    if (settled.status !== 'active') throw new Error(`demo tenant provisioning ended ${settled.status}: ${settled.failureReason}`);
    tenant = (await platform.registry.byId(tenant.id))!;
    for (const u of DEMO_USERS.slice(1)) {
      const { user } = await db.tx((q) => ensureUser(q, { email: u.email, name: u.name, password: DEMO_PASSWORD }));
      await db.rows(`insert into control.memberships (tenant_id, user_id) values ($1, $2) on conflict do nothing`, [tenant.id, user.id]);
      await withTenant(platform.openSession, tenant, async () => {
        const m = await tenantManager();
        await m.query(`insert into member_roles (user_id, role_id) select $1, id from roles where key = $2 on conflict do nothing`, [user.id, u.role]);
      });
    }
  }
  if (tenant.status === 'active') {
    const started = Date.now();
    const [alice, bob, carol] = DEMO_USERS;
    const seed = await seedDemoPipeline(platform, tenant, { alice: alice.email, bob: bob.email, carol: carol.email });
    if (seed.seeded) logger.info('seeded the demo pipeline', { leads: seed.leads, activities: seed.activities, ms: Date.now() - started });
  } else {
    logger.warn('the demo tenant is not active: its pipeline is not seeded', { slug: DEMO_TENANT.slug, status: tenant.status });
  }
  return [
    { email: PLATFORM_ADMIN.email, password: DEMO_PASSWORD, role: 'platform admin' },
    ...DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: `${u.role} @ ${DEMO_TENANT.slug}` })),
  ];
}
