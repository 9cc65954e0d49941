// ESLint 9 flat config. House rules that can be linted are linted here rather than written down as prose
// (see ../shared/STYLE.md): no tenant selection outside api/src/tenancy, no process.env outside api/src/config.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

const TENANT_SELECTION_MESSAGE =
  'Tenant selection (search_path / role) lives in api/src/tenancy only: get tenant data through tenantManager().';
const ENV_MESSAGE = 'Read configuration through api/src/config/env.ts (loadConfig), never process.env directly.';

// Matched against string literals and the raw text of each template-literal chunk.
const TENANT_SELECTION_PATTERNS = ['/search_path/i', "/\\bSET\\s+(LOCAL\\s+|SESSION\\s+)?ROLE\\b/i", "/set_config\\(\\s*'role'/i"];

export default defineConfig([
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    '**/coverage/**',
    'web/build/**',
    'web/src/gql/**',
    'web/.vite/**',
    'bench/**/node_modules/**',
    'bench/results/tmp/**',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },

  // typescript-eslint's recommended set without type information: linting stays fast and needs no tsconfig.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),

  {
    files: ['api/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },

  // The SPA: browser code, React's rules of hooks (the compiler-era rules stay off until the app adopts it).
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['web/src/**/*.test.{ts,tsx}', 'web/e2e/**/*.ts', 'web/test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
  },

  {
    files: ['api/**/*.test.ts', 'api/test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },

  // One door to tenant data: only api/src/tenancy may name search_path or switch roles in SQL.
  {
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/tenancy/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...TENANT_SELECTION_PATTERNS.flatMap((re) => [
          { selector: `Literal[value=${re}]`, message: TENANT_SELECTION_MESSAGE },
          { selector: `TemplateElement[value.raw=${re}]`, message: TENANT_SELECTION_MESSAGE },
        ]),
      ],
    },
  },

  // Config once: api/src/config/env.ts is the only reader of the environment.
  {
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/config/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'process', importNames: ['env'], message: ENV_MESSAGE },
            { name: 'node:process', importNames: ['env'], message: ENV_MESSAGE },
          ],
        },
      ],
    },
  },
]);
