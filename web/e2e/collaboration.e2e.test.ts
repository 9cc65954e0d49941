import type { Page } from 'playwright-core';
import { crmTenant, describeE2E, eventually, screenshot, signIn, startE2E, type CrmTenant, type E2E } from './harness';

let e2e: E2E;
let acme: CrmTenant;

beforeAll(async () => {
  e2e = await startE2E();
  acme = await crmTenant(e2e.server);
}, 120_000);
afterAll(() => e2e?.close());

const menu = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describeE2E('two people at once', () => {
  test('a manager assigns a lead to the agent: the agent is notified and the lead appears in their table, no reload', async () => {
    const agent = await (await e2e.context()).newPage();
    await signIn(agent, acme.agent);
    await agent.goto('/leads');
    await agent.getByRole('table', { name: 'Leads' }).locator('tbody tr').first().waitFor();
    await agent.waitForLoadState('networkidle');

    const manager = await (await e2e.context()).newPage();
    await signIn(manager, acme.manager);
    await manager.goto('/leads?owner=unassigned');
    const link = manager.getByRole('table', { name: 'Leads' }).locator('tbody tr').first().getByRole('link');
    const name = (await link.textContent())!.trim();
    const agentRows = agent.getByRole('table', { name: 'Leads' }).getByRole('link', { name, exact: true });
    await expect(agentRows.count()).resolves.toBe(0); // not the agent's yet: own scope

    await link.click();
    await manager.getByRole('heading', { level: 1, name }).waitFor();
    await manager.getByLabel('Owner', { exact: true }).selectOption({ label: 'Avery Agent' });

    const toast = agent.getByTestId('toast').filter({ hasText: `${name} was assigned to you` });
    await toast.waitFor();
    await agentRows.first().waitFor();
    await screenshot(agent, 'live-assignment');
    // The notification opens the lead inside the app.
    await toast.getByRole('link').click();
    await agent.getByRole('heading', { level: 1, name }).waitFor();
  });

  test('an admin removes a permission from a role: the affected member loses that module live', async () => {
    const agent = await (await e2e.context()).newPage();
    await signIn(agent, acme.agent);
    await agent.goto('/dashboard');
    await menu(agent).getByRole('link', { name: 'Dashboard' }).waitFor();
    await agent.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    const admin = await (await e2e.context()).newPage();
    await signIn(admin, acme.admin);
    await admin.goto('/settings/roles');
    const box = admin.getByRole('checkbox', { name: 'dashboard.read for Agent' });
    await expect(box.isChecked()).resolves.toBe(true);
    await box.uncheck();
    await admin.getByRole('button', { name: 'Save Agent' }).click();
    await eventually(async () => admin.getByTestId('role-changes-agent').textContent(), (v) => expect(v).toBe('Saved'));

    await eventually(async () => menu(agent).getByRole('link', { name: 'Dashboard' }).count(), (v) => expect(v).toBe(0), 15_000);
    await agent.getByRole('heading', { name: 'No access' }).waitFor();
    await expect(menu(agent).getByRole('link', { name: 'Leads' }).count()).resolves.toBe(1);
  });
});
