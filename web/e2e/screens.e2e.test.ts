import type { Page } from 'playwright-core';
import { crmTenant, describeE2E, eventually, screenshot, signIn, startE2E, type CrmTenant, type E2E } from './harness';

let e2e: E2E;
let acme: CrmTenant;

beforeAll(async () => {
  e2e = await startE2E();
  acme = await crmTenant(e2e.server);
}, 120_000);
afterAll(() => e2e?.close());

/** Every GraphQL answer the page receives, to prove a screen loaded without an API error. */
function watchGraphql(page: Page) {
  const errors: string[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('/graphql') || res.request().method() !== 'POST') return;
    const body = (await res.json().catch(() => null)) as { errors?: Array<{ extensions?: { code?: string }; message: string }> } | null;
    for (const e of body?.errors ?? []) errors.push(`${e.extensions?.code}: ${e.message}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return errors;
}

const SCREENS: Array<{ path: string; heading: RegExp; shot: string }> = [
  { path: '/leads', heading: /Leads/, shot: 'leads' },
  { path: '/board', heading: /Pipeline/, shot: 'board' },
  { path: '/dashboard', heading: /Dashboard/, shot: 'dashboard' },
  { path: '/settings/members', heading: /Members/, shot: 'members' },
  { path: '/settings/roles', heading: /Roles/, shot: 'roles' },
  { path: '/settings/statuses', heading: /Statuses/, shot: 'statuses' },
  { path: '/settings/fields', heading: /Custom fields/, shot: 'custom-fields' },
  { path: '/settings/teams', heading: /Teams/, shot: 'teams' },
  { path: '/settings/audit', heading: /Audit/, shot: 'audit-log' },
];

describeE2E('every main screen loads against the real API', () => {
  test.each(SCREENS)('$path renders without an API or page error', async ({ path, heading, shot }) => {
    const page = await (await e2e.context()).newPage();
    const errors = watchGraphql(page);
    await signIn(page, acme.admin);
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await eventually(() => page.getByText('Loading…').count(), (n) => expect(n).toBe(0));
    expect(errors).toEqual([]);
    await screenshot(page, shot);
    await page.close();
  });

  test('the lead detail of a seeded lead renders with its custom fields and timeline', async () => {
    const page = await (await e2e.context()).newPage();
    const errors = watchGraphql(page);
    await signIn(page, acme.admin);
    await page.goto('/leads');
    const first = page.getByRole('table').getByRole('link').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByLabel('Industry').waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await screenshot(page, 'lead-detail');
  });
});
