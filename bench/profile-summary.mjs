#!/usr/bin/env node
/**
 * `node bench/profile-summary.mjs <file.cpuprofile> [top]`: where a CPU profile (from `npm run bench -- --cpu-prof
 * <dir>`) spent its time, as self time per package (a node_modules package, our api/src, node's internals, GC, idle)
 * and per function. For the full flame graph, open the file in Chrome DevTools (Performance) or speedscope.
 */
import fs from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
/** @type {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number } }>, samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** @param {string} url @param {string} fn */
function bucket(url, fn) {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const ours = /\/(api\/src|bench)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2].split('/').slice(0, -1).join('/') || '.'}` : url;
}

const self = new Map();
const fns = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const b = bucket(url, functionName);
  self.set(b, (self.get(b) ?? 0) + dt);
  const f = `${functionName || '(anonymous)'}${url ? ` ${url.replace(/^.*node_modules\//, '').replace(/^.*\/(api\/src|bench)\//, '$1/')}:${lineNumber + 1}` : ''}`;
  fns.set(f, (fns.get(f) ?? 0) + dt);
  total += dt;
});
const busy = total - (self.get('(idle)') ?? 0);
const show = (/** @type {Map<string, number>} */ m, /** @type {string} */ title) => {
  process.stdout.write(`\n${title} (self time; % of busy time, idle excluded: ${(busy / 1000).toFixed(0)} ms busy of ${(total / 1000).toFixed(0)} ms)\n`);
  for (const [k, v] of [...m].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * v) / busy).toFixed(1).padStart(6)}%  ${k}\n`);
  }
};
show(self, 'By package');
show(fns, 'By function');
