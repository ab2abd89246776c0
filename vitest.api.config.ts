import { defineConfig } from 'vitest/config'
import { skipReasonToStatus } from './api-tests/setup/allure-skip-listener.ts'
import { reportsDir } from './harness/reports-dir.ts'

/**
 * The API acceptance suite (`npm run test:api`): vitest + supertest against one stack (see
 * api-tests/setup/global-stack.ts). Two groups run one after the other: the acceptance files in
 * parallel (they mostly wait for the 10 s mock), then the load tests (PERF-01) one at a time, so that
 * their latencies are not the other files' (or each other's) noise. Run together, the POST load's p95
 * was 17 ms on the local stack but 132 ms against the containers (Docker's port proxy in every request).
 */
const LOAD_TESTS = ['api-tests/perf/*-under-load.test.ts']
/** The ledger over every user the suite touched: after everything else. */
const LEDGER = ['api-tests/ledger/*.test.ts']
/** `npm run test:reliability` owns these (vitest.reliability.config.ts): they start their own stack. */
const RELIABILITY_TESTS = ['api-tests/reliability/**', 'api-tests/security/**', 'api-tests/bad-input/**']

const common = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  // Each fork runs file after file without loading supertest, pg, BullMQ and the schemas again for each
  // (fixtures are per file or per test, so nothing leaks between files); on two cores the reloading
  // cost more than the tests between the waits.
  isolate: false,
}

export default defineConfig({
  test: {
    globalSetup: ['api-tests/setup/global-stack.ts'],
    reporters: [
      'default',
      './api-tests/setup/skipped-summary-reporter.ts',
      ['junit', { outputFile: `${reportsDir()}/junit/api.xml`, suiteName: 'API acceptance' }],
      [
        'allure-vitest/reporter',
        { resultsDir: `${reportsDir()}/allure-results`, listeners: [skipReasonToStatus] },
      ],
    ],
    projects: [
      {
        test: {
          ...common,
          name: 'acceptance',
          include: ['api-tests/**/*.test.ts'],
          exclude: [...LOAD_TESTS, ...RELIABILITY_TESTS, ...LEDGER],
          // Files mostly wait on the mock's 10 s: more of them than cores can run side by side.
          maxWorkers: 7,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...common,
          name: 'load',
          include: LOAD_TESTS,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      { test: { ...common, name: 'ledger', include: LEDGER, maxWorkers: 1, sequence: { groupOrder: 2 } } },
    ],
  },
})
