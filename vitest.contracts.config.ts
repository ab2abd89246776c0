import { runStamp } from './harness/stack/run-dir.ts'
import { suiteConfig } from './harness/vitest/suite-config.ts'

// One log directory per run (reports/logs/contracts-<run>/), shared by every fork.
process.env.CONTRACTS_RUN_ID ??= `contracts-${runStamp()}`

/**
 * `npm run test:contracts`: the Pact consumer tests (and the mock-sora drift check) first, as one group;
 * then, once every pact file is written, the provider verifications on throwaway Redis and PostgreSQL.
 * In target mode (TARGET_API_URL) the consumer tests run as ever (they need no deployment) and every
 * verification is skipped with its reason (contracts/provider/provider-fixtures.ts): no Redis or
 * PostgreSQL is started for them. Every file starts its own providers on free ports.
 */
const targetMode = Boolean(process.env.TARGET_API_URL)

export default suiteConfig({
  reports: { junit: 'contracts', suiteName: 'contracts' },
  testTimeout: 60_000,
  hookTimeout: 60_000,
  reuseForks: true,
  groups: [
    {
      name: 'consumers',
      include: ['contracts/consumer/**/*.test.ts', 'contracts/drift/**/*.test.ts'],
      maxWorkers: 2,
    },
    {
      name: 'verifications',
      include: ['contracts/provider/**/*.test.ts'],
      maxWorkers: 2,
      globalSetup: targetMode ? [] : ['harness/vitest/global-infra.ts'],
    },
  ],
})
