// Lint rules, including the layer rule of docs/ARCHITECTURE.md:
// ui -> worker -> gpu/cpu/meta/data -> model, never back.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, forbidden, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((dir) => ({
            group: [`**/${dir}/*`, `../${dir}/*`, `../../${dir}/*`],
            message: `${files[0].split('/')[1]} must not import from src/${dir} (layers flow ui -> worker -> gpu/cpu/meta/data -> model).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

// The page talks to a worker through its contract (types only) and a Comlink proxy, so the UI may
// import of src/worker only worker/<service>/contract and the catalog. Workers are started by URL,
// not imported.
const workerContractsOnly = {
  group: ['**/worker/*/*', '**/worker/*/*/*', '!**/worker/*/contract'],
  message:
    'the UI imports a worker service only through its types-only worker/<service>/contract (and worker/catalog): see src/worker/README.md.',
};

export default tseslint.config(
  { ignores: ['dist/', 'wasm/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(['src/model/**'], ['gpu', 'cpu', 'data', 'meta', 'worker', 'ui', 'cli']),
  layer(['src/gpu/**'], ['cpu', 'data', 'meta', 'worker', 'ui', 'cli']),
  layer(['src/cpu/**'], ['gpu', 'data', 'meta', 'worker', 'ui', 'cli']),
  layer(['src/data/**'], ['gpu', 'cpu', 'meta', 'worker', 'ui', 'cli']),
  layer(['src/meta/**'], ['worker', 'ui', 'cli']),
  layer(['src/worker/**'], ['ui', 'cli']),
  layer(['src/ui/**'], ['cli', 'gpu', 'cpu', 'meta', 'data'], [workerContractsOnly]),
  layer(['src/cli/**'], ['ui']),
);
