import type { Config } from 'jest';

// @swc/jest compiles TypeScript with decorator metadata (type-graphql needs it) ~5x faster than ts-jest.
const swcApi = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
] as const;

// The SPA: TSX with React's automatic runtime.
const swcWeb = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
] as const;

type Transform = [string, Record<string, unknown>];

/**
 * Three projects share one throwaway database (globalSetup): the API's tests, the SPA's component tests in
 * jsdom, and the end-to-end tests that drive Debian's chromium against a real API (web/e2e).
 */
const config: Config = {
  rootDir: '.',
  globalSetup: '<rootDir>/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/api/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/api/test/summary-reporter.cjs'],
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      roots: ['<rootDir>/api'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': swcApi as unknown as Transform },
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/web/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': swcWeb as unknown as Transform },
      moduleNameMapper: { '\\.css$': '<rootDir>/web/test/style-stub.cjs' },
      setupFilesAfterEnv: ['<rootDir>/web/test/setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/web/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': swcApi as unknown as Transform },
      setupFiles: ['reflect-metadata'],
    },
  ],
};

export default config;
