import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { startTestServer, type TestServer } from '../../../test/helpers';
import { as, defineFields, leadTenant, member, ok, seedLeads, type LeadTenant } from '../../../test/lead-fixtures';
import { pageProjection } from './lead.projection';
import { withTenant } from '../../tenancy/with-tenant';
import { currentScope } from '../../tenancy/context';
import { createLoaders } from '../../graphql/loaders';
import type { LeadsArgs } from './lead.inputs';
import { LEAD_READ_COLUMNS } from './lead.types';

/**
 * A page reads only the columns its selection needs (lead.projection.ts). What must hold: every field a client can
 * select is answered exactly as from the whole row; anything the projection does not understand reads the whole row;
 * a partial row never reaches another part of the operation; and nothing about it crosses tenants.
 */

function infoOf(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const field = op.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [field], fragments };
}

describe('which columns', () => {
  test('only those of the selected fields, through fragments, and the id always', () => {
    const p = pageProjection(infoOf(`{ leads { edges { node { name status { label } } } } }`));
    expect(p.full).toBe(false);
    expect(p.columns).toBe('l.id, l.name, l.status_id as "statusId", s.id as "s.id", s.label as "s.label"');
    expect(p.joins).toEqual({ status: true, owner: false });
    const viaFragments = pageProjection(
      infoOf(`query { leads { edges { ... on LeadEdge { node { ...F } } } } } fragment F on Lead { email ... on Lead { tags } }`),
    );
    const none = { status: false, owner: false };
    expect(viaFragments).toEqual({ columns: 'l.id, l.email, l.tags', joins: none, full: false });
    expect(pageProjection(infoOf(`{ leads { pageInfo { hasNextPage } } }`))).toEqual({ columns: 'l.id', joins: none, full: false });
  });

  test('of a status or an owner: its id and the fields selected on it, under aliases and fragments', () => {
    const p = pageProjection(infoOf(`{ leads { edges { node { a: status { label } b: status { ... on LeadStatus { color __typename } } owner { name } } } } }`));
    expect(p.columns).toBe(
      'l.id, l.status_id as "statusId", l.owner_id as "ownerId", s.id as "s.id", s.label as "s.label", s.color as "s.color", m.user_id as "m.id", m.name as "m.name"',
    );
    expect(p.joins).toEqual({ status: true, owner: true });
    // A field resolved by a resolver (or one this table does not know): the relation's every column.
    const resolved = pageProjection(infoOf(`{ leads { edges { node { status { allowedTransitions { id } } owner { roles { key } } } } } }`));
    expect(resolved.columns).toContain('s.is_default as "s.isDefault"');
    expect(resolved.columns).toContain('m.email as "m.email"');
  });

  test('the whole row for a field it does not know, a missing fragment, or a field merged from several places', () => {
    expect(pageProjection(infoOf(`{ leads { edges { node { id someFutureField } } } }`))).toEqual({ columns: LEAD_READ_COLUMNS, joins: { status: true, owner: true }, full: true });
    expect(pageProjection(infoOf(`{ leads { edges { node { ...Missing } } } }`)).full).toBe(true);
    const twice = infoOf(`{ leads { edges { node { id } } } }`);
    expect(pageProjection({ ...twice, fieldNodes: [twice.fieldNodes[0]!, twice.fieldNodes[0]!] }).full).toBe(true);
  });
});

describe('through the API', () => {
  let server: TestServer;
  let a: LeadTenant;
  let b: LeadTenant;
  const log: string[] = [];
  const EVERY_FIELD = `id name company email phone source value currency tags createdAt updatedAt deletedAt
    status { id key label position color kind isDefault } owner { id name email status } createdBy { id } team { id } customFields activityCount latestActivity { kind }`;

  beforeAll(async () => {
    server = await startTestServer({}, { platform: { onStatement: (sql) => log.push(sql) } });
    [a, b] = [await leadTenant(server), await leadTenant(server)];
    for (const t of [a, b]) {
      await defineFields(server, t.tenant, [{ key: 'budget', type: 'number' }]);
      const owner = await member(server, t.tenant, 'owner');
      await seedLeads(
        server,
        t.tenant,
        Array.from({ length: 8 }, (_, i) => ({
          name: `${t.tenant.slug} lead ${i}`,
          company: i % 2 ? `Co ${i}` : null,
          email: `l${i}@example.test`,
          phone: '+1 555',
          source: 'web',
          value: i * 10.5,
          currency: 'EUR',
          tags: ['x', `t${i}`],
          custom: { budget: i },
          statusId: Object.values(t.statuses)[i % 3]!,
          ownerId: i % 3 ? owner.id : null,
          createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
        })),
      );
    }
  });
  afterAll(async () => server?.close());

  /** Inside A's read-only tenant transaction, as A's admin, with the request's loaders. */
  const asAdminOfA = (fn: (req: { actor: { userId: string }; loaders: ReturnType<typeof createLoaders>; ownerScope: null }) => Promise<void>) =>
    withTenant(server.platform.openSession, a.tenant, () => fn({ actor: { userId: a.adminId }, loaders: createLoaders(currentScope()!), ownerScope: null }), { readOnly: true });

  test('each field alone answers what the whole row answers', async () => {
    const gql = as(server, a.token);
    const full = ok(await gql<{ leads: { edges: Array<{ node: Record<string, unknown> }> } }>(`{ leads(first: 20) { edges { node { ${EVERY_FIELD} } } } }`));
    expect(full.leads.edges).toHaveLength(8);
    const fields = EVERY_FIELD.replace(/\{[^}]*\}/g, '').split(/\s+/).filter(Boolean);
    for (const field of fields) {
      const sub = EVERY_FIELD.match(new RegExp(`\\b${field} (\\{[^}]*\\})`))?.[1] ?? '';
      log.length = 0;
      const one = ok(await gql<{ leads: { edges: Array<{ node: Record<string, unknown> }> } }>(`{ leads(first: 20) { edges { node { ${field} ${sub} } } } }`));
      expect(one.leads.edges.map((e) => e.node[field])).toEqual(full.leads.edges.map((e) => e.node[field]));
      const page = log.find((s) => /as sort_value from /.test(s))!;
      expect(page).not.toMatch(/l\.custom\b.*l\.tags|l\.tags.*l\.custom\b/); // never the whole row for one field
    }
    // And each field of a status or an owner alone.
    for (const [relation, sub] of [['status', 'id key label position color kind isDefault'], ['owner', 'id name email status']] as const) {
      for (const f of sub.split(' ')) {
        const one = ok(await gql<{ leads: { edges: Array<{ node: Record<string, Record<string, unknown> | null> }> } }>(`{ leads(first: 20) { edges { node { ${relation} { ${f} } } } } }`));
        expect(one.leads.edges.map((e) => e.node[relation]?.[f] ?? null)).toEqual(
          full.leads.edges.map((e) => (e.node[relation] as Record<string, unknown> | null)?.[f] ?? null),
        );
      }
    }
  });

  test('cursors still page, and a partial row is not handed to lead(id) in the same operation', async () => {
    const gql = as(server, a.token);
    const first = ok(await gql<{ leads: { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { endCursor: string } } }>(
      `{ leads(first: 3) { edges { cursor node { id } } pageInfo { endCursor } } }`,
    ));
    expect(first.leads.pageInfo.endCursor).toBe(first.leads.edges[2]!.cursor);
    const next = ok(await gql<{ leads: { edges: Array<{ node: { id: string } }> } }>(`query($c: String) { leads(first: 3, after: $c) { edges { node { id } } } }`, { c: first.leads.pageInfo.endCursor }));
    expect(next.leads.edges.map((e) => e.node.id)).not.toContain(first.leads.edges[0]!.node.id);
    const id = first.leads.edges[0]!.node.id;
    const both = ok(await gql<{ leads: { edges: Array<{ node: { id: string } }> }; lead: { email: string; tags: string[]; status: { key: string } } }>(
      `query($id: ID!) { leads(first: 3) { edges { node { id } } } lead(id: $id) { email tags status { key } } }`,
      { id },
    ));
    expect(both.lead.email).toMatch(/@example\.test$/);
    expect(both.lead.tags).toContain('x');
    expect(both.lead.status.key).toEqual(expect.any(String));
    // Root fields run side by side, so above lead(id) may have asked before the page answered: ask after it, here.
    await asAdminOfA(async (req) => {
      const page = await server.services.leads.list({ first: 3 } as LeadsArgs, req, pageProjection(infoOf(`{ leads { edges { node { id } } } }`)));
      const lead = await req.loaders.leadById.load(page.edges[0]!.node.id);
      expect(lead).toMatchObject({ email: expect.stringMatching(/@example\.test$/), tags: expect.arrayContaining(['x']) });
    });
  });

  test('the status and owner joined into a page are the rows their own loaders give, field for field', async () => {
    await asAdminOfA(async (req) => {
      const { loaders } = req;
      const every = `{ leads { edges { node { status { id key label position color kind isDefault } owner { id email name status } } } } }`;
      const page = await server.services.leads.list({ first: 20 } as LeadsArgs, req, pageProjection(infoOf(every)));
      expect(page.edges).toHaveLength(8);
      for (const { node } of page.edges) {
        expect(node.joinedStatus).toEqual(await loaders.statusById(node.statusId));
        // Unassigned leads: null, and the owner field answers null without asking the loader.
        expect(node.joinedOwner).toEqual(node.ownerId ? await loaders.memberById.load(node.ownerId) : null);
        if (node.ownerId) expect(node.joinedOwner).toMatchObject({ email: expect.any(String), status: 'active' });
      }
      const byId = await loaders.leadById.load(page.edges[0]!.node.id);
      expect({ status: byId?.joinedStatus, owner: byId?.joinedOwner }).toEqual({ status: page.edges[0]!.node.joinedStatus, owner: page.edges[0]!.node.joinedOwner });
      // A page selecting less reads less: its objects carry the id and what was selected.
      const narrow = await server.services.leads.list({ first: 20 } as LeadsArgs, req, pageProjection(infoOf(`{ leads { edges { node { status { label } } } } }`)));
      expect(Object.keys(narrow.edges[0]!.node.joinedStatus!).sort()).toEqual(['id', 'label']);
    });
  });

  test('one document, two tenants at once: each page is its own tenant’s, field for field', async () => {
    const q = `{ leads(first: 20) { edges { node { name customFields owner { name } } } } }`;
    type Page = { leads: { edges: Array<{ node: { name: string } }> } };
    const rounds = await Promise.all(Array.from({ length: 6 }, (_, i) => as(server, i % 2 ? b.token : a.token)<Page>(q)));
    rounds.forEach((res, i) => {
      const slug = (i % 2 ? b : a).tenant.slug;
      const names = ok(res).leads.edges.map((e) => e.node.name);
      expect(names).toHaveLength(8);
      for (const n of names) expect(n.startsWith(`${slug} `)).toBe(true);
    });
  });
});
