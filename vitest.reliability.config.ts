import { defineConfig } from 'vitest/config'
import { skipReasonToStatus } from './api-tests/setup/allure-skip-listener.ts'
import { reportsDir } from './harness/reports-dir.ts'

/**
 * `npm run test:reliability`: faults survived (REL), attacks refused (SEC), bad input handled (BAD),
 * against one stack of its own (api-tests/setup/reliability-stack.ts) or TARGET_API_URL. Four groups,
 * one after the other:
 *   0. security and bad input, two files at a time: they never disturb the stack;
 *   1. the mixed load (REL-12) alone, on the still undisturbed stack, so its latencies are its own;
 *   2. the fault scenarios one at a time: each kills, restarts or arms faults for the whole stack;
 *   3. the log scan (SEC-08), over every log the run wrote;
 *   4. the ledger over every user the suite touched (api-tests/ledger/).
 */
const LOAD = ['api-tests/reliability/load/*.test.ts']
const LOG_SCAN = ['api-tests/security/secrets-never-logged.test.ts']

const common = {
  testTimeout: 180_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  // Each fork runs file after file without loading supertest, pg, BullMQ and the schemas again for each
  // (fixtures are per file or per test, so nothing leaks between files); on two cores the reloading
  // cost more than the tests between the waits.
  isolate: false,
}

export default defineConfig({
  test: {
    globalSetup: ['api-tests/setup/reliability-stack.ts'],
    reporters: [
      'default',
      './api-tests/setup/skipped-summary-reporter.ts',
      [
        'junit',
        {
          outputFile: `${reportsDir()}/junit/reliability.xml`,
          suiteName: 'Reliability, security, bad input',
        },
      ],
      [
        'allure-vitest/reporter',
        { resultsDir: `${reportsDir()}/allure-results`, listeners: [skipReasonToStatus] },
      ],
    ],
    projects: [
      {
        test: {
          ...common,
          name: 'security+bad-input',
          include: ['api-tests/security/**/*.test.ts', 'api-tests/bad-input/**/*.test.ts'],
          exclude: LOG_SCAN,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: { ...common, name: 'load', include: LOAD, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
      {
        test: {
          ...common,
          name: 'faults',
          include: ['api-tests/reliability/**/*.test.ts'],
          exclude: LOAD,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: { ...common, name: 'log-scan', include: LOG_SCAN, maxWorkers: 1, sequence: { groupOrder: 3 } },
      },
      {
        test: {
          ...common,
          name: 'ledger',
          include: ['api-tests/ledger/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
})
