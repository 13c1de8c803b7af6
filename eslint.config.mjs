import tseslint from 'typescript-eslint'

/** The dependency rule is checked here, not hoped for: the domain core does no I/O. */
const ioImports = [
  { group: ['node:*', 'fs', 'fs/*', 'http', 'https', 'net', 'child_process', 'path', 'os', 'crypto'], message: 'The core does no I/O: reach the world through a port (core/ports.ts).' },
  { group: ['@cloudbase/*', 'wx-server-sdk', '@seald-io/*', 'better-sqlite3', '@tarojs/*', 'react', 'react-dom'], message: 'The core imports no SDK, store or UI framework: add a port and an adapter.' },
  { group: ['**/adapters/**', '**/functions/**', '**/host/**', '**/seed/**'], message: 'The core never imports its adapters, entries or hosts.' },
]

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-h5/', 'dist-cloud/', 'bench/.logs/', '.build/', '.data/', '.test-data/', 'bench/fixtures/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['cloudfunctions/core/**/*.ts', 'cloudfunctions/contracts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ioImports }] },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
