/**
 * Bench child: the ceiling. A hand-written node:http + pg endpoint over one tenant schema running the same page
 * and primary-key SQL as the API (bench/lib/queries.mjs), one statement per request, no GraphQL, no auth.
 *   POST /list                  → { items: [...] }
 *   POST /list {"tenant": i}    → the same page in the i-th of `schemas` (the ceiling's own cost of many tenants)
 *   POST /lead {"id": ..}       → { item: {...} | null }
 */
import http from 'node:http';
import pg from 'pg';
import { childArgs, fail, ready, serveIpc } from '../lib/ipc.mjs';
import { rawSql } from '../lib/queries.mjs';

/** @type {{ databaseUrl: string, schema: string, schemas: string[], pool: number }} */
const args = childArgs();
const sql = rawSql(args.schema);
/** The page statement of every tenant schema, by index: a request names an index, never a schema. */
const lists = args.schemas.map((schema) => rawSql(schema).list);
const pool = new pg.Pool({ connectionString: args.databaseUrl, max: args.pool, application_name: 'leadplane-bench-raw' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** @param {http.ServerResponse} res @param {number} status @param {unknown} payload */
function send(res, status, payload) {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer(async (req, res) => {
  try {
    const body = await readBody(req);
    if (req.method === 'POST' && req.url === '/list') {
      const tenant = body ? JSON.parse(body).tenant : undefined;
      const statement = tenant === undefined ? sql.list : lists[tenant];
      if (!statement) return send(res, 400, { error: 'tenant must be the index of a schema' });
      const { rows } = await pool.query(statement);
      return send(res, 200, { items: rows.slice(0, 50) });
    }
    if (req.method === 'POST' && req.url === '/lead') {
      const id = JSON.parse(body || '{}').id;
      if (typeof id !== 'string' || !UUID.test(id)) return send(res, 400, { error: 'id must be a uuid' });
      const { rows } = await pool.query(sql.pk, [id]);
      return send(res, 200, { item: rows[0] ?? null });
    }
    send(res, 404, { error: 'not found' });
  } catch (err) {
    send(res, 500, { error: err instanceof Error ? err.message : String(err) });
  }
});

server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  serveIpc({}, async () => {
    server.close();
    server.closeAllConnections();
    await pool.end();
  });
  ready({ url: `http://127.0.0.1:${port}` });
});
server.on('error', fail);
