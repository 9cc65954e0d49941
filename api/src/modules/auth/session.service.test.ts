import type { ControlDb } from '../../db/control-db';
import { addMember, createTestTenant, login, startTestServer, type TestServer, type TestTenant } from '../../../test/helpers';
import { InProcessBus } from '../../lib/pubsub';
import { publishSessionsRevoked } from '../../graphql/subscriptions/invalidation';
import { AuthCache } from './auth-cache';
import { SessionService } from './session.service';

/**
 * The per-request session check batches the checks of one event-loop turn into one statement (session.service.ts).
 * What must hold: each request gets exactly its own answer — live or not, member of *its* tenant or not — whatever
 * else shares the batch, and without an AuthCache nothing is remembered between turns (a revocation counts on the next
 * request); with one, only live answers are, each for its own session, user and tenant, until a revocation drops it.
 */

let server: TestServer;
let a: TestTenant;
let b: TestTenant;

function claimsOf(token: string): { sid: string; sub: string } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sid: string; sub: string };
}

/** A SessionService over the platform's database, counting the statements it sends (with `cache`, remembering). */
function counted(cache?: AuthCache) {
  const stats = { statements: 0 };
  const db = server.platform.db;
  const countedDb = {
    rows: (text: string, params?: unknown[]) => (stats.statements++, db.rows(text, params)),
    one: (text: string, params?: unknown[]) => (stats.statements++, db.one(text, params)),
  } as unknown as ControlDb;
  return { sessions: new SessionService(countedDb, cache), stats };
}

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([createTestTenant(server, { direct: true }), createTestTenant(server, { direct: true })]);
});
afterAll(async () => server?.close());

test('one statement for a turn of checks, each answered for its own session, user and tenant', async () => {
  const both = `both-${Date.now()}@example.test`;
  await addMember(server, a.tenant, both);
  await addMember(server, b.tenant, both);
  const [adminA, adminB, inBoth, revoked, disabled] = await Promise.all([
    login(server, a.adminEmail),
    login(server, b.adminEmail),
    login(server, both),
    login(server, a.adminEmail),
    (async () => {
      const email = `disabled-${Date.now()}@example.test`;
      await addMember(server, a.tenant, email);
      return login(server, email);
    })(),
  ]).then((tokens) => tokens.map((t) => claimsOf(t.accessToken)));
  await server.platform.db.rows(`update control.sessions set revoked_at = now() where id = $1`, [revoked!.sid]);
  await server.platform.db.rows(`update control.users set disabled_at = now() where id = $1`, [disabled!.sub]);

  const { sessions, stats } = counted();
  const results = await Promise.allSettled([
    sessions.check(adminA!.sid, adminA!.sub, a.tenant.id), // live, member
    sessions.check(adminA!.sid, adminA!.sub, b.tenant.id), // live, not a member of B
    sessions.check(adminB!.sid, adminB!.sub, b.tenant.id),
    sessions.check(adminB!.sid, adminB!.sub, null), // no tenant asked
    sessions.check(inBoth!.sid, inBoth!.sub, a.tenant.id),
    sessions.check(inBoth!.sid, inBoth!.sub, b.tenant.id),
    sessions.check(revoked!.sid, revoked!.sub, a.tenant.id),
    sessions.check(disabled!.sid, disabled!.sub, a.tenant.id),
    sessions.check(adminA!.sid, adminB!.sub, a.tenant.id), // a session with someone else's user id
    sessions.isActiveMember(a.tenant.id, adminB!.sub),
    sessions.isActiveMember(b.tenant.id, adminB!.sub),
  ]);
  expect(stats.statements).toBe(2); // one for the sessions, one for the memberships
  const value = (i: number) => (results[i]!.status === 'fulfilled' ? (results[i] as PromiseFulfilledResult<unknown>).value : 'refused');
  expect([0, 1, 2, 3, 4, 5].map(value)).toEqual([
    { id: adminA!.sub, isPlatformAdmin: false, member: true },
    { id: adminA!.sub, isPlatformAdmin: false, member: false },
    { id: adminB!.sub, isPlatformAdmin: false, member: true },
    { id: adminB!.sub, isPlatformAdmin: false, member: null },
    { id: inBoth!.sub, isPlatformAdmin: false, member: true },
    { id: inBoth!.sub, isPlatformAdmin: false, member: true },
  ]);
  for (const i of [6, 7, 8]) expect(results[i]).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'UNAUTHENTICATED' } } });
  expect([value(9), value(10)]).toEqual([false, true]);
});

test('a malformed claim fails alone, before anything is sent; nothing is remembered from one turn to the next', async () => {
  const admin = claimsOf((await login(server, a.adminEmail)).accessToken);
  const { sessions, stats } = counted();
  const [bad, good] = await Promise.allSettled([sessions.check('not-a-uuid', admin.sub, a.tenant.id), sessions.check(admin.sid, admin.sub, a.tenant.id)]);
  expect(bad).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'UNAUTHENTICATED' } } });
  expect(good).toMatchObject({ status: 'fulfilled', value: { member: true } });
  expect(stats.statements).toBe(1);
  await server.platform.db.rows(`update control.sessions set revoked_at = now() where id = $1`, [admin.sid]);
  await expect(sessions.check(admin.sid, admin.sub, a.tenant.id)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  expect(stats.statements).toBe(2);
});

test('remembered answers: only for their own session, user and tenant; a revocation forgets at once; refusals are not remembered', async () => {
  const bus = new InProcessBus();
  const cache = new AuthCache(bus, 'lpt:sessions:', 5000);
  await cache.start();
  try {
    const admin = claimsOf((await login(server, a.adminEmail)).accessToken);
    const other = claimsOf((await login(server, b.adminEmail)).accessToken);
    const { sessions, stats } = counted(cache);
    expect(await sessions.check(admin.sid, admin.sub, a.tenant.id)).toMatchObject({ id: admin.sub, member: true });
    expect(await sessions.check(admin.sid, admin.sub, a.tenant.id)).toMatchObject({ id: admin.sub, member: true });
    expect(stats.statements).toBe(1);
    // Another tenant, another user, or the same session without a tenant: each its own question.
    expect(await sessions.check(admin.sid, admin.sub, b.tenant.id)).toMatchObject({ id: admin.sub, member: false });
    await expect(sessions.check(admin.sid, other.sub, a.tenant.id)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(sessions.check(admin.sid, other.sub, a.tenant.id)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await sessions.check(admin.sid, admin.sub, null)).toMatchObject({ member: null });
    expect(stats.statements).toBe(5);
    // Revoked the way the app revokes (the row, then the broadcast, which drops this process's memory before it returns).
    await server.platform.db.rows(`update control.sessions set revoked_at = now() where id = $1`, [admin.sid]);
    await publishSessionsRevoked({ ...server.platform, authCache: cache }, [admin.sid]);
    await expect(sessions.check(admin.sid, admin.sub, a.tenant.id)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(sessions.check(admin.sid, admin.sub, b.tenant.id)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(stats.statements).toBe(7);
  } finally {
    await cache.stop();
    await bus.close();
  }
});
