#!/usr/bin/env node
// `npm run dev`: the API (built once, embedded defaults unless DATABASE_URL/REDIS_URL are set) on PORT (4000) and
// Vite with hot reload on 5173, proxying /graphql (HTTP and websocket) to it. Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, PORT: process.env.PORT ?? '4000' };
const build = spawnSync('npm', ['run', '-s', 'build', '-w', 'api'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn(process.execPath, ['api/dist/main.js'], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--host', '127.0.0.1'], { stdio: 'inherit', cwd: 'web', env: { ...env, LEADPLANE_API: `http://127.0.0.1:${env.PORT}` } }),
];
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
