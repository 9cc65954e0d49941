import jwt from 'jsonwebtoken';
import type { Platform } from '../../platform';
import { gate } from '../../tenancy/resolvers';
import { TENANT_COLUMNS, type TenantRecord } from '../../tenancy/tenant';
import type { ContextInput, GraphQLContext } from '../context';
import { AppError, CommonErrorCode } from '../errors';
import { SystemTopic, systemChannel } from '../topics';
import { parseInvalidation, type Invalidation } from './invalidation';

/** graphql-ws close codes: the client must sign in again (4401), or may not use this tenant (4403). */
export enum SocketCloseCode {
  UNAUTHORIZED = 4401,
  FORBIDDEN = 4403,
}

export interface Closable {
  close(code: number, reason: string): void;
}

interface Entry {
  sessionId?: string;
  tenantId?: string;
  timer?: NodeJS.Timeout;
}

/**
 * A websocket outlives the token it was opened with, so this process keeps watch over its sockets:
 * - at connection_init the token is checked by the same context factory as HTTP, and a bad one is refused (4401);
 * - the socket closes when its access token expires (a timer from `exp`): the client reconnects with a fresh one;
 * - it closes when its session is revoked (logout anywhere publishes `{kind:'session'}` on the invalidation channel);
 * - it closes when its tenant stops being active (the registry publishes `{kind:'tenant'}`; the status is re-read).
 * Every process hears every invalidation and closes only the sockets it holds.
 */
export class SocketGuard {
  private readonly entries = new Map<Closable, Entry>();
  private unsubscribe?: () => Promise<void>;

  constructor(
    private readonly platform: Platform,
    private readonly buildContext: (input: ContextInput) => Promise<GraphQLContext>,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.platform.bus.subscribe(systemChannel(this.platform.config.redis.prefix, SystemTopic.INVALIDATE), (raw) => {
      const msg = parseInvalidation(raw);
      if (msg) {
        this.onInvalidation(msg).catch((err) => this.platform.logger.error('socket invalidation failed', { err: String(err) }));
      }
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    for (const socket of [...this.entries.keys()]) this.release(socket);
  }

  /** For graphql-ws `onConnect`: false refuses the connection (the socket is already closed with the reason). */
  async admit(socket: Closable, input: ContextInput): Promise<boolean> {
    // Indexed by the token's session before it is verified, so a revocation racing this check still finds it;
    // an unverified claim only ever gets its own socket closed.
    const claims = decodeClaims(input.authorization);
    const entry: Entry = { sessionId: claims?.sid };
    this.entries.set(socket, entry);
    let ctx: GraphQLContext;
    try {
      ctx = await this.buildContext(input);
    } catch (err) {
      if (err instanceof AppError) return this.refuse(socket, err);
      this.release(socket);
      throw err;
    }
    if (ctx.authError) return this.refuse(socket, ctx.authError);
    if (!this.entries.has(socket)) return false; // closed while being admitted
    if (ctx.principal?.kind === 'user' && claims?.exp) {
      const ms = Math.max(0, claims.exp * 1000 - Date.now());
      entry.timer = setTimeout(() => this.close(socket, SocketCloseCode.UNAUTHORIZED, 'Access token expired'), ms);
      entry.timer.unref();
    } else {
      entry.sessionId = undefined;
    }
    entry.tenantId = ctx.resolution.tenant?.id;
    return true;
  }

  /** For graphql-ws `onClose`. */
  release(socket: Closable): void {
    const entry = this.entries.get(socket);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(socket);
  }

  private refuse(socket: Closable, err: AppError): false {
    const code = err.code === CommonErrorCode.UNAUTHENTICATED ? SocketCloseCode.UNAUTHORIZED : SocketCloseCode.FORBIDDEN;
    this.close(socket, code, err.message);
    return false;
  }

  private close(socket: Closable, code: SocketCloseCode, reason: string): void {
    this.release(socket);
    // A close reason is at most 123 bytes.
    socket.close(code, Buffer.from(reason).subarray(0, 120).toString());
  }

  private async onInvalidation(msg: Invalidation): Promise<void> {
    if (msg.kind === 'session') {
      for (const [socket, e] of this.entries) if (e.sessionId === msg.id) this.close(socket, SocketCloseCode.UNAUTHORIZED, 'Session revoked');
      return;
    }
    const sockets = [...this.entries].filter(([, e]) => e.tenantId === msg.id).map(([s]) => s);
    if (!sockets.length) return;
    // Read from control.tenants, not the registry's caches: this message is what invalidates them, and a
    // concurrent lookup elsewhere may have re-cached the old record in between.
    const tenant = await this.platform.db.one<TenantRecord>(`select ${TENANT_COLUMNS} from control.tenants where id = $1`, [msg.id]);
    const denied = gate(tenant).denied;
    if (!denied) return;
    for (const socket of sockets) if (this.entries.has(socket)) this.close(socket, SocketCloseCode.FORBIDDEN, denied.message);
  }
}

function decodeClaims(authorization: string | undefined): { sid?: string; exp?: number } | null {
  const m = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  const decoded = m ? jwt.decode(m[1]!) : null;
  if (!decoded || typeof decoded === 'string') return null;
  return { sid: typeof decoded.sid === 'string' ? decoded.sid : undefined, exp: typeof decoded.exp === 'number' ? decoded.exp : undefined };
}
