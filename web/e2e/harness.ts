import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { addMember, createTestTenant, startTestServer, TEST_PASSWORD, type TestServer } from '../../api/test/helpers';
import { seedDemoPipeline } from '../../api/src/modules/demo/demo-seed';
import type { TenantRecord } from '../../api/src/tenancy/tenant';
import { grantRole } from '../../api/test/permission-fixtures';

/**
 * End-to-end harness: the SPA built by Vite into a directory of this run, served by a real API process (the same
 * runtime as `npm start`) on the run's PostgreSQL and Redis, driven by Debian's chromium through playwright-core.
 * No browser is ever downloaded: CHROMIUM_PATH or /usr/bin/chromium (`.ci/run` installs Debian's `chromium`).
 */
const repoRoot = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(repoRoot, 'docs', 'screenshots');

/** Without chromium the e2e suites are skipped on a developer machine, and fail in CI (CI=true). */
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`CI: no chromium at ${CHROMIUM}; .ci/run installs Debian's chromium`);
export const describeE2E: jest.Describe = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn(`e2e skipped: no chromium at ${CHROMIUM} (apt install chromium, or set CHROMIUM_PATH)`);

let built: string | null = null;
/** Builds the SPA once per test file into a temporary directory (a few seconds with Vite 8). */
export function buildWeb(): string {
  if (built) return built;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-web-e2e-'));
  const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: path.join(repoRoot, 'web'),
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  built = outDir;
  return outDir;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface E2E {
  server: TestServer;
  browser: Browser;
  /** A fresh browser profile (its own localStorage: one signed-in person). */
  context(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const webDir = buildWeb();
  const server = await startTestServer({}, { webDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async context() {
      const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1360, height: 860 }, timezoneId: 'UTC', locale: 'en-US' });
      ctx.setDefaultTimeout(15_000);
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      fs.rmSync(webDir, { recursive: true, force: true });
      built = null;
    },
  };
}

export interface CrmTenant {
  tenant: TenantRecord;
  admin: string;
  manager: string;
  agent: string;
}

/**
 * A tenant like the demo one: an admin, a manager and an agent (password TEST_PASSWORD), the demo pipeline of
 * custom fields, teams and 300 leads. `name` is what the header shows (screenshots read better with a real name).
 */
export async function crmTenant(server: TestServer, name = 'Acme Corporation'): Promise<CrmTenant> {
  const t = await createTestTenant(server, { direct: true });
  await renameTenant(server, t.tenant, name);
  const manager = `manager@${t.tenant.slug}.test`;
  const agent = `agent@${t.tenant.slug}.test`;
  for (const [email, role, display] of [
    [manager, 'manager', 'Morgan Manager'],
    [agent, 'agent', 'Avery Agent'],
  ] as const) {
    const id = await addMember(server, t.tenant, email);
    await server.platform.db.rows('update control.users set name = $2 where id = $1', [id, display]);
    await grantRole(server, t.tenant, id, role);
  }
  await server.platform.db.rows(`update control.users set name = 'Alex Admin' where lower(email) = $1`, [t.adminEmail]);
  await seedDemoPipeline(server.platform, t.tenant, { alice: t.adminEmail, bob: manager, carol: agent });
  const tenant = (await server.platform.registry.byId(t.tenant.id))!;
  return { tenant, admin: t.adminEmail, manager, agent };
}

/** Sets the name the header and the workspace picker show (test tenants are named after their slug). */
export async function renameTenant(server: TestServer, tenant: TenantRecord, name: string): Promise<void> {
  await server.platform.db.rows('update control.tenants set name = $2 where id = $1', [tenant.id, name]);
  await server.platform.registry.invalidate(tenant);
}

/** Signs in through the login form and waits for the signed-in frame. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().waitFor();
}

/** Saves a screenshot of a main screen for the README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Retries `check` on fresh values of `read` until it passes or `timeoutMs` runs out (jest has no expect.poll). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
