import { suiteConfig } from './harness/vitest/suite-config.ts'

/**
 * `npm run test:reliability`: faults survived (REL), attacks refused (SEC), bad input handled (BAD),
 * against one stack of its own (reliability-tests/setup/reliability-stack.ts) or TARGET_API_URL. Five
 * groups, one after the other:
 *   0. security and bad input, two files at a time: they never disturb the stack;
 *   1. the mixed load (REL-12) alone, on the still undisturbed stack, so its latencies are its own;
 *   2. the fault scenarios one at a time: each kills, restarts or arms faults for the whole stack;
 *   3. the log scan (SEC-08), over every log the run wrote;
 *   4. the ledger over every user the suite touched (the API suite's check, api-tests/ledger/).
 */
const LOG_SCAN = ['reliability-tests/security/secrets-never-logged.test.ts']

export default suiteConfig({
  reports: { junit: 'reliability', suiteName: 'Reliability, security, bad input' },
  globalSetup: ['reliability-tests/setup/reliability-stack.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
  reuseForks: true,
  groups: [
    {
      name: 'security+bad-input',
      include: ['reliability-tests/security/*.test.ts', 'reliability-tests/bad-input/*.test.ts'],
      exclude: LOG_SCAN,
      maxWorkers: 2,
    },
    { name: 'load', include: ['reliability-tests/load/*.test.ts'], maxWorkers: 1 },
    { name: 'faults', include: ['reliability-tests/faults/*.test.ts'], maxWorkers: 1 },
    { name: 'log-scan', include: LOG_SCAN, maxWorkers: 1 },
    { name: 'ledger', include: ['api-tests/ledger/*.test.ts'], maxWorkers: 1 },
  ],
})
