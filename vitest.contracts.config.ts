import { defineConfig } from 'vitest/config'
import { skipReasonToStatus } from './api-tests/setup/allure-skip-listener.ts'
import { reportsDir } from './harness/reports-dir.ts'

// One log directory per run (reports/logs/contracts-<run>/), shared by every fork.
process.env.CONTRACTS_RUN_ID ??= `contracts-${new Date().toISOString().replace(/[:.]/g, '-')}`

/**
 * `npm run test:contracts`: the Pact consumer tests (and the mock-sora drift check) first, as one group;
 * then, once every pact file is written, the provider verifications on throwaway Redis and PostgreSQL.
 * In target mode (TARGET_API_URL) the consumer tests run as ever (they need no deployment) and every
 * verification is skipped with its reason (contracts/provider/provider-fixtures.ts): no Redis or
 * PostgreSQL is started for them.
 */
const targetMode = Boolean(process.env.TARGET_API_URL)

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores, shared: no more forks than the machine can hold, and each fork reused across files
    // (every file starts its own providers on free ports, so nothing leaks between them) instead of
    // loading Pact, Fastify and BullMQ again per file.
    maxWorkers: 2,
    isolate: false,
    setupFiles: ['allure-vitest/setup'],
    reporters: [
      'default',
      './api-tests/setup/skipped-summary-reporter.ts',
      ['junit', { outputFile: `${reportsDir()}/junit/contracts.xml`, suiteName: 'contracts' }],
      [
        'allure-vitest/reporter',
        { resultsDir: `${reportsDir()}/allure-results`, listeners: [skipReasonToStatus] },
      ],
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'consumers',
          include: ['contracts/consumer/**/*.test.ts', 'contracts/drift/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'verifications',
          include: ['contracts/provider/**/*.test.ts'],
          globalSetup: targetMode ? [] : ['harness/test-setup/global-infra.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
