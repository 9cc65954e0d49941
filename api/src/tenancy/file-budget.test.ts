import { startTestServer, createTestTenant, type TestServer } from '../../test/helpers';
import { assessFileBudget, fileBudget, laneWidthFor, sizeReadLanes, TENANTS_PER_LANE, warnIfShort } from './file-budget';

/**
 * The start-up check of ADR 0011: PostgreSQL's max_files_per_process against what a read-lane backend needs to keep
 * the files of its share of the tenant schemas open. What must hold: the facts are read from the server and the
 * catalog as they are, the arithmetic says "short" exactly when the setting is below the need, and a short budget
 * is a warning naming the setting, never a failed start.
 */

describe('assessFileBudget', () => {
  test('a lane backend needs its share of the tenants’ files plus a margin', () => {
    const facts = { setting: 1000, tenantSchemas: 1000, filesPerTenant: 45 };
    expect(assessFileBudget(facts, 5)).toMatchObject({ needed: 200 * 45 + 500, enough: false });
    expect(assessFileBudget({ ...facts, setting: 16_000 }, 5)).toMatchObject({ needed: 9500, enough: true });
    expect(assessFileBudget({ ...facts, tenantSchemas: 10 }, 5).enough).toBe(true);
    expect(assessFileBudget({ ...facts, tenantSchemas: 10 }, 0).needed).toBe(10 * 45 + 500); // at least one lane
  });

  test('short: one warning naming the setting and the recommendation; enough: silence', () => {
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    const logger = { warn: (msg: string, fields?: Record<string, unknown>) => void warnings.push([msg, fields]) };
    warnIfShort(assessFileBudget({ setting: 1000, tenantSchemas: 1000, filesPerTenant: 45 }, 5), logger);
    warnIfShort(assessFileBudget({ setting: 16_000, tenantSchemas: 1000, filesPerTenant: 45 }, 5), logger);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toMatch(/max_files_per_process/);
    expect(warnings[0]![1]).toMatchObject({ max_files_per_process: 1000, recommended: 9500, readLanes: 5 });
  });
});

describe('laneWidthFor', () => {
  test('one lane per TENANTS_PER_LANE tenants, at least one, never more than the reader has', () => {
    expect(laneWidthFor(0, 5)).toBe(1);
    expect(laneWidthFor(TENANTS_PER_LANE, 5)).toBe(1);
    expect(laneWidthFor(TENANTS_PER_LANE + 1, 5)).toBe(2);
    expect(laneWidthFor(3 * TENANTS_PER_LANE, 5)).toBe(3);
    expect(laneWidthFor(10_000, 5)).toBe(5);
    expect(laneWidthFor(10_000, 0)).toBe(1);
  });
});

describe('against PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createTestTenant(server);
  });
  afterAll(async () => server?.close());

  test('reads the server’s setting, the tenant schemas and the relations of one', async () => {
    const { db } = server.platform;
    const budget = await fileBudget(db, 5);
    const { setting } = (await db.one<{ setting: string }>(`select setting from pg_settings where name = 'max_files_per_process'`))!;
    const { schemas } = (await db.one<{ schemas: number }>(
      `select count(*)::int as schemas from pg_namespace where nspname in (select schema_name from control.tenants)`,
    ))!;
    expect(budget).toMatchObject({ setting: Number(setting), tenantSchemas: schemas });
    // leads, statuses, workflow, custom fields, activities, teams, roles... each with its indexes.
    expect(budget.filesPerTenant).toBeGreaterThan(20);
    expect(budget.enough).toBe(budget.setting >= budget.needed);
  });

  test('sizeReadLanes sets the width from the tenant schemas counted, unless the lanes are fixed', async () => {
    const { db } = server.platform;
    const { schemas } = (await db.one<{ schemas: number }>(
      `select count(*)::int as schemas from pg_namespace where nspname in (select schema_name from control.tenants)`,
    ))!;
    // A reader with room for many lanes, so the width is the tenant count's (the shared test database holds more
    // or fewer schemas depending on what ran before): one lane per TENANTS_PER_LANE.
    let width = 64;
    const reader = { maxLanes: 64, get laneCount() { return width; }, setWidth: (n: number) => void (width = n) };
    const sized = await sizeReadLanes(db, reader, true);
    expect(width).toBe(Math.max(1, Math.ceil(schemas / TENANTS_PER_LANE)));
    expect(sized).toMatchObject({ tenantSchemas: schemas, lanes: width });
    width = 7;
    expect(await sizeReadLanes(db, reader, false)).toMatchObject({ lanes: 7 });
    expect(width).toBe(7); // DB_READ_LANES set: left as configured
  });
});
