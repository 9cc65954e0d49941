import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../test/helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ HTTP_MAX_BODY_BYTES: '4096', GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '3' });
});
afterAll(async () => {
  await server?.close();
});

describe('health', () => {
  test('/healthz answers while the process is up', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('/readyz checks the database and Redis (or says pub/sub is in process)', async () => {
    const res = await fetch(`${server.url}/readyz`);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(res.status).toBe(200);
    expect(body.checks.database).toBe('ok');
    expect(body.checks.redis).toBe(server.platform.redis ? 'ok' : 'in-process');
  });
});

describe('limits and typed errors', () => {
  test('a body over HTTP_MAX_BODY_BYTES is refused with PAYLOAD_TOO_LARGE', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ currentTenant { id } }`, variables: { pad: 'x'.repeat(5000) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('malformed JSON gets a GraphQL-shaped BAD_REQUEST', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  /** A raw POST /graphql, chunked when asked (no content-length: the limit must hold while reading). */
  function post(body: string | Buffer, headers: Record<string, string>, chunked = false): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${server.url}/graphql`, { method: 'POST', headers: chunked ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      if (chunked) {
        const buf = Buffer.from(body);
        for (let i = 0; i < buf.length; i += 1000) req.write(buf.subarray(i, i + 1000));
        req.end();
      } else req.end(body);
    });
  }
  const JSON_HEADERS = { 'content-type': 'application/json' };
  const codeOf = (text: string) => (JSON.parse(text) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0]?.extensions.code;

  test('the limit holds for a body sent without a length; a body under it is served', async () => {
    const big = JSON.stringify({ query: `{ currentTenant { id } }`, variables: { pad: 'x'.repeat(6000) } });
    const res = await post(big, JSON_HEADERS, true);
    expect([res.status, codeOf(res.body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const small = await post(JSON.stringify({ query: `{ currentTenant { id } }` }), JSON_HEADERS, true);
    expect([small.status, codeOf(small.body) ?? null]).toEqual([200, null]);
  });

  test('a JSON body that is not an object or an array is BAD_REQUEST (strict, as body-parser was)', async () => {
    for (const body of ['"query"', '42', 'null']) {
      const res = await post(body, JSON_HEADERS);
      expect([body, res.status, codeOf(res.body)]).toEqual([body, 400, 'BAD_REQUEST']);
    }
  });

  test('JSON with a utf-8 charset, and a gzip-compressed body (served by the express route), answer alike; no ETag on a POST', async () => {
    const query = JSON.stringify({ query: `{ currentTenant { id } }` });
    const plain = await post(query, { 'content-type': 'application/json; charset=utf-8' });
    const zipped = await post(gzipSync(query), { ...JSON_HEADERS, 'content-encoding': 'gzip' });
    expect([plain.status, zipped.status]).toEqual([200, 200]);
    expect(JSON.parse(zipped.body)).toEqual(JSON.parse(plain.body));
    expect(plain.headers.etag).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
  });

  test('more aliases than GRAPHQL_MAX_ALIASES are refused with QUERY_TOO_COMPLEX', async () => {
    const ok = await server.gql(`{ a: currentTenant { id } b: currentTenant { id } c: currentTenant { id } }`);
    expect(ok.errors).toBeUndefined();
    const res = await server.gql(`{ a: currentTenant { id } b: currentTenant { id } c: currentTenant { id } d: currentTenant { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data).toBeUndefined();
  });

  test('unknown fields get GRAPHQL_VALIDATION_FAILED, bad variables BAD_USER_INPUT', async () => {
    const res = await server.gql(`{ nope }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const vars = await server.gql(`mutation($e: String!) { login(email: $e, password: "x") { accessToken } }`, { e: 42 });
    expect(vars.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('argument validation answers BAD_USER_INPUT naming the field', async () => {
    const res = await server.gql(`mutation { login(email: "not-an-email", password: "x") { accessToken } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email' })]));
  });
});

describe('depth limit', () => {
  test('a selection nested past the limit is refused', async () => {
    // me > tenant > id is depth 3: allowed at 4, refused at 2, and fragments are followed
    const res = await server.gql(`fragment T on Tenant { id } fragment M on Me { tenant { ...T } } { me { ...M } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const limited = await startTestServer({ GRAPHQL_MAX_DEPTH: '2' });
    try {
      const deep = await limited.gql(`fragment M on Me { tenant { id } } { me { ...M } }`);
      expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(deep.errors?.[0]?.extensions?.depth).toBe(3);
      const shallow = await limited.gql(`{ me { id } }`);
      expect(shallow.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await limited.close();
    }
  });
});

test('graceful shutdown drains websockets and stops accepting HTTP', async () => {
  const s = await startTestServer();
  const wsUrl = s.url.replace('http', 'ws') + '/graphql';
  let closedCode: number | undefined;
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined, on: { closed: (e) => (closedCode = (e as { code: number }).code) } });
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('error', reject);
  });
  const result = await new Promise<unknown>((resolve, reject) => {
    let value: unknown;
    client.subscribe({ query: '{ currentTenant { id } }' }, { next: (v) => (value = v), error: reject, complete: () => resolve(value) });
  });
  expect(result).toEqual({ data: { currentTenant: null } });
  await s.close();
  await new Promise((r) => setTimeout(r, 50));
  expect(closedCode).toBeDefined();
  await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
  await client.dispose();
});
