import type { Page } from 'playwright-core';
import { addMember, createTestTenant, login } from '../../api/test/helpers';
import { grantRole } from '../../api/test/permission-fixtures';
import { crmTenant, describeE2E, eventually, renameTenant, screenshot, signIn, startE2E, type CrmTenant, type E2E } from './harness';

let e2e: E2E;
let acme: CrmTenant;

beforeAll(async () => {
  e2e = await startE2E();
  acme = await crmTenant(e2e.server);
}, 120_000);
afterAll(() => e2e?.close());

const menu = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describeE2E('sign-in, workspaces and sign-out', () => {
  test('a wrong password is refused with a message; the right one opens the leads', async () => {
    const page = await (await e2e.context()).newPage();
    await page.goto('/leads');
    await page.waitForURL('**/login');
    await screenshot(page, 'login');
    await page.getByLabel('Email').fill(acme.agent);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();

    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/leads');
    await menu(page).getByRole('link', { name: 'Leads' }).waitFor();
    // An agent holds no settings permission: no settings entry at all.
    await expect(menu(page).getByRole('link', { name: 'Members' }).count()).resolves.toBe(0);
  });

  test('a user of two workspaces picks one, switches to the other, and signs out', async () => {
    const other = await createTestTenant(e2e.server, { direct: true });
    await renameTenant(e2e.server, other.tenant, 'Globex');
    await grantRole(e2e.server, other.tenant, await addMember(e2e.server, other.tenant, acme.agent), 'manager');

    const globexAdmin = await login(e2e.server, other.adminEmail);
    const created = await e2e.server.gql(`mutation { createLead(input: { name: "Globex Only Lead" }) { id } }`, {}, { token: globexAdmin.accessToken });
    expect(created.errors).toBeUndefined();

    const page = await (await e2e.context()).newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(acme.agent);
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/choose-tenant');
    await screenshot(page, 'choose-workspace');
    await page.getByRole('button', { name: /Globex/ }).click();
    // A manager in Globex sees the dashboard; the agent role in Acme does too, but only Globex has no leads.
    await page.waitForURL('**/leads');
    await expect(page.getByLabel('Switch workspace').inputValue()).resolves.toBe(other.tenant.slug);
    const names = () => page.getByRole('table', { name: 'Leads' }).locator('tbody tr').getByRole('link').allTextContents();
    await eventually(names, (v) => expect(v).toEqual(['Globex Only Lead']));

    await page.getByLabel('Switch workspace').selectOption(acme.tenant.slug);
    await page.waitForURL('**/leads');
    await page.waitForFunction(async (slug) => {
      const select = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('select[aria-label="Switch workspace"]');
      return select?.value === slug;
    }, acme.tenant.slug);
    await menu(page).getByRole('link', { name: 'Leads' }).waitFor();
    // Cross-tenant: Acme's table (the agent's own leads) never shows Globex's lead, and nothing cached in Globex
    // survives the switch.
    await eventually(names, (v) => {
      expect(v.length).toBeGreaterThan(0);
      expect(v).not.toContain('Globex Only Lead');
    });
    const acmeOnly = await e2e.server.gql<{ leads: { totalCount: number } }>(`{ leads(filter: { search: "Globex Only" }) { totalCount } }`, {}, { token: (await login(e2e.server, acme.agent, acme.tenant.slug)).accessToken });
    expect(acmeOnly.data?.leads.totalCount).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.goto('/leads');
    await page.waitForURL('**/login');
  });

  test('a signed-in session survives a reload', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, acme.manager);
    await page.reload();
    await menu(page).getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/login');
  });
});
