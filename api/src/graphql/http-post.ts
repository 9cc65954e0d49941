import type http from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import proxyaddr from 'proxy-addr';
import { headerValue, type ContextInput, type GraphQLContext } from './context';
import { CommonErrorCode } from './errors';

export interface GraphqlPostOptions {
  apollo: ApolloServer<GraphQLContext>;
  maxBodyBytes: number;
  /** Express's compiled `trust proxy` (app.get('trust proxy fn')): the client address is the one express would give. */
  trust: (addr: string, i: number) => boolean;
  context: (input: ContextInput) => Promise<GraphQLContext>;
  onInternal: (err: unknown) => void;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * POST /graphql with a JSON body, straight from node:http to Apollo Server: the path every GraphQL client takes, without
 * express's router, body-parser and `res.send` (which also hashed every response into an ETag nobody can use on a
 * POST). It answers exactly as the express route does: the same context input (the client address through express's
 * own `trust proxy` function), the same limit (HTTP_MAX_BODY_BYTES → 413 PAYLOAD_TOO_LARGE before anything is parsed),
 * the same refusals in GraphQL's error shape (malformed JSON, or a body that is not an object or array, → 400
 * BAD_REQUEST, as body-parser's strict mode), Apollo's own response (status, headers, body) otherwise.
 *
 * Anything else (another method or path, another content type or charset, a compressed body) returns false and is
 * served by express as before.
 */
export function graphqlPostHandler(opts: GraphqlPostOptions): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    if ((q === -1 ? url : url.slice(0, q)) !== '/graphql') return false;
    const type = req.headers['content-type'];
    if (!type || !JSON_TYPE.test(type)) return false;
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding.toLowerCase() !== 'identity') return false;
    void handle(opts, req, res, q === -1 ? '' : url.slice(q));
    return true;
  };
}

/**
 * What an HTTP request refused before GraphQL gets, in GraphQL's error shape: 413 (over `maxBodyBytes`), another 4xx
 * (malformed), or 500. The express route's error handler answers with the same.
 */
export function httpRefusal(status: number, maxBodyBytes: number): { status: number; body: string } {
  const [code, message] =
    status === 413
      ? [CommonErrorCode.PAYLOAD_TOO_LARGE, `Request body exceeds ${maxBodyBytes} bytes`]
      : status < 500
        ? ['BAD_REQUEST', 'Malformed request']
        : [CommonErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'];
  return { status, body: JSON.stringify({ errors: [{ message, extensions: { code } }] }) };
}

function sendError(res: http.ServerResponse, refusal: { status: number; body: string }, close = false): void {
  const { status, body } = refusal;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  if (close) res.setHeader('connection', 'close');
  res.end(body);
}

/** The body as a string, or null when it is over the limit (the answer is then sent here). */
function readBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<string | null> {
  const tooLarge = () => sendError(res, httpRefusal(413, limit), true);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    tooLarge();
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        tooLarge();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size <= limit) resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', reject);
  });
}

async function handle(opts: GraphqlPostOptions, req: http.IncomingMessage, res: http.ServerResponse, search: string): Promise<void> {
  try {
    const text = await readBody(req, res, opts.maxBodyBytes);
    if (text === null) return;
    let body: unknown = {};
    const start = text.search(/\S/);
    if (start !== -1) {
      // body-parser's strict mode: an object or an array, nothing else.
      if (text[start] !== '{' && text[start] !== '[') return sendError(res, httpRefusal(400, opts.maxBodyBytes));
      try {
        body = JSON.parse(text);
      } catch {
        return sendError(res, httpRefusal(400, opts.maxBodyBytes));
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: 'POST', headers, search, body };
    const response = await opts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => opts.context({ headers: req.headers, ip: proxyaddr(req, opts.trust), authorization: headerValue(req.headers.authorization) }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (err) {
    opts.onInternal(err);
    if (!res.headersSent) sendError(res, httpRefusal(500, opts.maxBodyBytes));
    else res.destroy();
  }
}
