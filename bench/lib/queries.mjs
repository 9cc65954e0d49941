/**
 * What every server is asked, kept side by side so the three stay equivalent: a page of 50 live leads, newest
 * first, each with its owner's name and its status label; and one lead by primary key with the same fields.
 */

const LEAD_FIELDS = 'id name company email createdAt';

export const API = {
  list: `query BenchList { leads(first: 50) { edges { node { ${LEAD_FIELDS} status { label } owner { name } } } } }`,
  pk: `query BenchLead($id: ID!) { lead(id: $id) { ${LEAD_FIELDS} status { label } owner { name } } }`,
  subscription: `subscription BenchEvents { leadChanged { kind fields at lead { id name status { label } } } }`,
};

/** PostGraphile 4 names (default inflection); the owner relation comes from the smart tags in bench/postgraphile. */
export const POSTGRAPHILE = {
  list: `query BenchList { allLeads(first: 50, orderBy: [CREATED_AT_DESC, ID_DESC], condition: { deletedAt: null }) {
    nodes { ${LEAD_FIELDS} leadStatusByStatusId { label } memberByOwnerId { name } } } }`,
  pk: `query BenchLead($id: UUID!) { leadById(id: $id) { ${LEAD_FIELDS} leadStatusByStatusId { label } memberByOwnerId { name } } }`,
};

/**
 * The raw endpoint's SQL: the API's page query (live leads, created_at desc, id desc, limit + 1) with the owner
 * and status joined in one statement, schema-qualified, outside any transaction: the ceiling.
 * @param {string} schema a validated tenant schema name
 */
export function rawSql(schema) {
  const select = `select l.id, l.name, l.company, l.email, l.created_at as "createdAt", s.label as status, m.name as owner
    from "${schema}".leads l
    join "${schema}".lead_statuses s on s.id = l.status_id
    left join "${schema}".members m on m.user_id = l.owner_id`;
  return {
    list: `${select} where l.deleted_at is null order by l.created_at desc, l.id desc limit 51`,
    pk: `${select} where l.id = $1`,
  };
}

/** @param {string} query @param {Record<string, unknown>} [variables] */
export const gqlBody = (query, variables) => JSON.stringify(variables ? { query, variables } : { query });

/**
 * Checks a response to the list or pk query, whichever server answered, and returns its leads in one shape.
 * @param {any} body parsed JSON
 * @returns {Array<{ id: string, status: string, owner: string | null }>}
 */
export function leadsOf(body) {
  if (body?.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const d = body?.data ?? body;
  const rows = d.leads?.edges?.map((/** @type {any} */ e) => e.node) ?? d.allLeads?.nodes ?? d.items ?? [d.lead ?? d.leadById ?? d.item];
  return rows.map((/** @type {any} */ r) => {
    if (!r?.id) throw new Error(`no lead in ${JSON.stringify(body).slice(0, 300)}`);
    return { id: r.id, status: r.status?.label ?? r.leadStatusByStatusId?.label ?? r.status, owner: r.owner?.name ?? r.memberByOwnerId?.name ?? r.owner ?? null };
  });
}
