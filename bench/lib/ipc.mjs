import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The bench's side channel to its child processes: Node's IPC channel (child_process.fork), with a tiny
 * request/response protocol. Children announce readiness with `ready(info)` and answer `call(method, args)`.
 * A child exits when its parent goes away (the channel closes), so an interrupted run leaves no server behind.
 */

/**
 * Linux refuses an argument string longer than 128 KiB (MAX_ARG_STRLEN: spawn fails with E2BIG). The raw
 * endpoint's arguments name every tenant schema, which at 10,000 tenants is past that: longer arguments travel in
 * a file of their own, named on the command line after an `@`, which the child reads and removes.
 */
const ARGV_LIMIT = 64 * 1024;

/**
 * Child side: the arguments its parent gave `startChild`.
 * @returns {any}
 */
export function childArgs() {
  const arg = process.argv[2] ?? '{}';
  if (!arg.startsWith('@')) return JSON.parse(arg);
  const file = arg.slice(1);
  const text = fs.readFileSync(file, 'utf8');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return JSON.parse(text);
}

/**
 * Child side: answer calls with the given handlers; on the parent's `stop`, run `onStop` and exit. Stopping
 * goes through the channel, not a signal: a signal would also reach handlers the servers install themselves
 * (Apollo Server stops itself on SIGTERM outside NODE_ENV=test), and the two shutdowns would race.
 * @param {Record<string, (args: any) => any>} handlers
 * @param {() => Promise<unknown>} [onStop]
 */
export function serveIpc(handlers, onStop) {
  process.on('message', async (msg) => {
    if (msg?.type === 'stop') {
      const force = setTimeout(() => process.exit(1), 10_000);
      await onStop?.().catch((e) => process.stderr.write(`stop failed: ${e instanceof Error ? e.stack : e}\n`));
      clearTimeout(force);
      process.exit(0);
    }
    if (!msg || msg.type !== 'call') return;
    try {
      const handler = handlers[msg.method];
      if (!handler) throw new Error(`unknown method ${msg.method}`);
      const result = await handler(msg.args ?? {});
      process.send?.({ type: 'result', id: msg.id, result });
    } catch (err) {
      process.send?.({ type: 'result', id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** Child side: tell the parent the child is up. @param {unknown} info */
export function ready(info) {
  process.send?.({ type: 'ready', info });
}

/** Child side: hand the parent a one-shot child's result, then exit. @param {unknown} info */
export function done(info) {
  if (process.send) process.send({ type: 'ready', info }, () => process.exit(0));
  else process.exit(0);
}

/** Child side: a progress line the parent prints. @param {string} text */
export function progress(text) {
  process.send?.({ type: 'progress', text });
}

/**
 * Child side: tell the parent a stage is reached and wait until it answers `resume` (the parent's `onStage` hook
 * decides when). Without a parent, returns at once. @param {unknown} info
 */
export function stage(info) {
  if (!process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (/** @type {any} */ msg) => {
      if (msg?.type !== 'resume') return;
      process.off('message', onMessage);
      resolve(undefined);
    };
    process.on('message', onMessage);
    process.send?.({ type: 'stage', info });
  });
}

/** Child side: report a fatal start-up error to the parent and exit. @param {unknown} err */
export function fail(err) {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  if (process.send) process.send({ type: 'failed', error: message }, () => process.exit(1));
  else {
    process.stderr.write(message + '\n');
    process.exit(1);
  }
}

/**
 * @typedef {{ name: string, info: any, pid: number | undefined, call: (method: string, args?: unknown, timeoutMs?: number) => Promise<any>, stop: () => Promise<void> }} Child
 */

/**
 * Parent side: forks `file` and resolves once it announced `ready`.
 * @param {string} name
 * @param {string} file
 * A child that calls `stage(info)` waits until `opts.onStage(info)` has settled (a rejection kills the child).
 * @param {{ args?: unknown, execArgv?: string[], cwd?: string, env?: NodeJS.ProcessEnv, readyTimeoutMs?: number, verbose?: boolean, onStage?: (info: any) => Promise<unknown> }} [opts]
 * @returns {Promise<Child>}
 */
export function startChild(name, file, opts = {}) {
  let arg = JSON.stringify(opts.args ?? {});
  if (Buffer.byteLength(arg) > ARGV_LIMIT) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `lpbench-${name}-`)), 'args.json');
    fs.writeFileSync(file, arg, { mode: 0o600 });
    arg = `@${file}`;
  }
  const proc = fork(file, [arg], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    execArgv: opts.execArgv ?? [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let tail = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    if (opts.verbose) process.stderr.write(`[${name}] ${chunk}`);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let nextId = 1;
  /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
  const pending = new Map();
  const died = (/** @type {string} */ why) => new Error(`${name} ${why}${tail ? `; its last output:\n${tail}` : ''}`);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(died(`did not start within ${opts.readyTimeoutMs ?? 120_000} ms`));
    }, opts.readyTimeoutMs ?? 120_000);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      const err = died(`exited (${signal ?? code})`);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      reject(err);
    });
    proc.on('message', (/** @type {any} */ msg) => {
      if (msg?.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${msg.error}`));
      } else if (msg?.type === 'stage') {
        Promise.resolve(opts.onStage?.(msg.info)).then(
          () => proc.connected && proc.send({ type: 'resume' }),
          (/** @type {unknown} */ err) => {
            clearTimeout(timer);
            proc.kill('SIGKILL');
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      } else if (msg?.type === 'progress') {
        process.stderr.write(`  [${name}] ${msg.text}\n`);
      } else if (msg?.type === 'result') {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${name}: ${msg.error}`));
        else p?.resolve(msg.result);
      } else if (msg?.type === 'ready') {
        clearTimeout(timer);
        resolve({
          name,
          info: msg.info,
          pid: proc.pid,
          call(method, args, timeoutMs = 600_000) {
            const id = nextId++;
            return new Promise((res, rej) => {
              const t = setTimeout(() => {
                pending.delete(id);
                rej(new Error(`${name}: ${method} did not answer within ${timeoutMs} ms`));
              }, timeoutMs);
              pending.set(id, { resolve: (v) => (clearTimeout(t), res(v)), reject: (e) => (clearTimeout(t), rej(e)) });
              proc.send({ type: 'call', id, method, args }, (err) => {
                if (!err) return;
                pending.get(id)?.reject(err);
                pending.delete(id);
              });
            });
          },
          stop: () => stopProcess(proc),
        });
      }
    });
  });
}

/** Asks the child to stop (over the channel), killing it after 15 s. @param {import('node:child_process').ChildProcess} proc */
function stopProcess(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // The child may be exiting already (it was stopped once): a failed send means just that, so kill it.
    if (proc.connected) proc.send({ type: 'stop' }, (err) => err && proc.kill('SIGKILL'));
    else proc.kill('SIGKILL');
  });
}
