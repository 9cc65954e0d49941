import type { Page } from 'playwright-core';
import { crmTenant, describeE2E, eventually, screenshot, signIn, startE2E, type CrmTenant, type E2E } from './harness';

let e2e: E2E;
let acme: CrmTenant;

beforeAll(async () => {
  e2e = await startE2E();
  acme = await crmTenant(e2e.server);
}, 120_000);
afterAll(() => e2e?.close());

const table = (page: Page) => page.getByRole('table', { name: 'Leads' });
const rowNames = async (page: Page) => (await table(page).locator('tbody tr').getByRole('link').allTextContents()).map((t) => t.trim());
const total = async (page: Page) => Number(((await page.getByTestId('leads-total').textContent()) ?? '').replace(/\D/g, ''));

async function waitIdle(page: Page) {
  await page.waitForLoadState('networkidle');
  await table(page).and(page.locator('[aria-busy="false"], :not([aria-busy])')).first().waitFor();
}

describeE2E('working leads', () => {
  test('filter by status, then search by name: the table and its total follow, and the URL keeps them', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, acme.manager);
    await page.goto('/leads');
    await table(page).locator('tbody tr').first().waitFor();
    const all = await total(page);
    expect(all).toBe(300);

    await page.getByRole('search', { name: 'Filter leads' }).getByRole('combobox', { name: /^Status/ }).selectOption({ label: 'Won' });
    await page.waitForURL(/status=/);
    await waitIdle(page);
    // Wait for the filtered answer to replace the unfiltered page (URL first, data after).
    await eventually(async () => table(page).locator('tbody .status-badge').allTextContents(), (badges) => {
      expect(badges.length).toBeGreaterThan(0);
      expect(new Set(badges.map((b) => b.trim()))).toEqual(new Set(['Won']));
    });
    await eventually(() => total(page), (n) => expect(n).toBeLessThan(all));
    const won = await total(page);
    expect(won).toBeGreaterThan(0);

    const target = (await rowNames(page))[0]!;
    await page.getByRole('searchbox').fill(target);
    await page.waitForURL(/q=/);
    await waitIdle(page);
    // The target was already on the page before the search: wait for the searched total, then look at the rows.
    await eventually(() => total(page), (n) => expect(n).toBeLessThan(won));
    await eventually(async () => rowNames(page), (v) => expect(v).toContain(target));
    await screenshot(page, 'leads-filtered');

    // The URL carries the view: a reload shows the same filtered table.
    await page.reload();
    await table(page).locator('tbody tr').first().waitFor();
    await eventually(async () => rowNames(page), (v) => expect(v).toContain(target));
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe(target);
  });

  test('editing a lead: a custom field error from the rules is shown under the field, then a fix saves', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, acme.manager);
    await page.goto('/leads');
    const link = table(page).locator('tbody tr').first().getByRole('link');
    const name = (await link.textContent())!.trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    const employees = page.getByLabel('Employees');
    await employees.fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await eventually(async () => employees.getAttribute('aria-invalid'), (v) => expect(v).toBe('true'));
    const describedBy = (await employees.getAttribute('aria-describedby'))!;
    const message = (await page.locator(`[id="${describedBy}"]`).textContent())!;
    expect(message).toMatch(/at least 1/i);
    await screenshot(page, 'lead-edit-error');

    await employees.fill('42');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('toast').filter({ hasText: 'Lead saved' }).waitFor();
    await eventually(async () => employees.getAttribute('aria-invalid'), (v) => expect(v).toBeNull());
    await page.reload();
    await eventually(async () => page.getByLabel('Employees').inputValue(), (v) => expect(v).toBe('42'));
  });
});

describeE2E('the pipeline board', () => {
  const column = (page: Page, key: string) => page.getByTestId(`board-column-${key}`);
  const count = async (page: Page, key: string) => Number(((await column(page, key).getByTestId('column-count').textContent()) ?? '').replace(/\D/g, ''));

  test('a card dragged along the workflow moves and stays moved; a refused move snaps back with a message', async () => {
    const page = await (await e2e.context()).newPage();
    // Wide enough for every column: a drag that makes the board scroll mid-way is not what a user does.
    await page.setViewportSize({ width: 1900, height: 900 });
    await signIn(page, acme.admin);
    await page.goto('/board');
    const card = column(page, 'new').getByTestId('board-card').first();
    await card.waitFor();
    const id = (await card.getAttribute('data-lead-id'))!;
    const [newBefore, contactedBefore] = [await count(page, 'new'), await count(page, 'contacted')];

    // Allowed: New → Contacted.
    await card.dragTo(column(page, 'contacted'), { targetPosition: { x: 40, y: 30 } });
    await column(page, 'contacted').locator(`[data-lead-id="${id}"]`).waitFor();
    await eventually(async () => count(page, 'contacted'), (v) => expect(v).toBe(contactedBefore + 1));
    await eventually(async () => count(page, 'new'), (v) => expect(v).toBe(newBefore - 1));
    await page.waitForLoadState('networkidle');
    await page.reload();
    await column(page, 'contacted').locator(`[data-lead-id="${id}"]`).waitFor();

    // Refused: Contacted → Won is not in the workflow.
    const moved = column(page, 'contacted').locator(`[data-lead-id="${id}"]`);
    await moved.dragTo(column(page, 'won'), { targetPosition: { x: 40, y: 30 } });

    await page.getByRole('alert').filter({ hasText: 'does not allow' }).waitFor();
    await screenshot(page, 'board-refused');
    await expect(column(page, 'won').locator(`[data-lead-id="${id}"]`).count()).resolves.toBe(0);
    await expect(column(page, 'contacted').locator(`[data-lead-id="${id}"]`).count()).resolves.toBe(1);
  });

  test('the keyboard moves a card too', async () => {
    const page = await (await e2e.context()).newPage();
    await signIn(page, acme.admin);
    await page.goto('/board');
    const card = column(page, 'qualified').getByTestId('board-card').first();
    await card.waitFor();
    const id = (await card.getAttribute('data-lead-id'))!;
    await card.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight'); // Qualified → Proposal
    await page.keyboard.press('Enter');
    await column(page, 'proposal').locator(`[data-lead-id="${id}"]`).waitFor();
    await expect(page.getByTestId('board-announcer').textContent()).resolves.toMatch(/Moved .* to Proposal/);
  });
});
