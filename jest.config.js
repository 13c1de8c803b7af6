/** Units, function handlers and store contracts run in Node; page components in jsdom; browser tests drive Chromium. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2021' } }]

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contracts$': '<rootDir>/cloudfunctions/contracts/index.ts',
    '^@contracts/(.*)$': '<rootDir>/cloudfunctions/contracts/$1',
    '^@core/(.*)$': '<rootDir>/cloudfunctions/core/$1',
    '^@words/(.*)$': '<rootDir>/cloudfunctions/words/$1',
  },
}

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/test/browser/'] },
    {
      ...shared,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/browser/support/seedTemplate.ts',
      globalTeardown: '<rootDir>/test/browser/support/teardown.ts',
    },
  ],
}
