import { suiteConfig } from './harness/vitest/suite-config.ts'

/**
 * `npm run test:api`: the API acceptance suite, vitest + supertest against one stack
 * (api-tests/setup/api-stack.ts). Three groups, one after the other: the acceptance files side by side
 * (they mostly wait on Sora jobs, so more of them than cores); then the load tests (PERF-01), the GET's
 * and the POST's together, alone on the stack, so that each p95 is measured under both loads at once and
 * under nothing else; then the ledger over every user the suite touched.
 */
const LOAD_TESTS = ['api-tests/perf/*-under-load.test.ts']
const LEDGER = ['api-tests/ledger/*.test.ts']

export default suiteConfig({
  reports: { junit: 'api', suiteName: 'API acceptance' },
  globalSetup: ['api-tests/setup/api-stack.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  reuseForks: true,
  groups: [
    {
      name: 'acceptance',
      include: ['api-tests/**/*.test.ts'],
      exclude: [...LOAD_TESTS, ...LEDGER],
      maxWorkers: 7,
    },
    { name: 'load', include: LOAD_TESTS, maxWorkers: 2 },
    { name: 'ledger', include: LEDGER, maxWorkers: 1 },
  ],
})
