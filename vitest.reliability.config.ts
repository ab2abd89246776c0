import { loadTarget } from './harness/target/target-env.ts'
import { type FileGroup, suiteConfig } from './harness/vitest/suite-config.ts'
import { FORKS } from './reliability-tests/setup/reliability-target.ts'

/**
 * `npm run test:reliability`: faults survived (REL), attacks refused (SEC), bad input handled (BAD),
 * against stacks of its own (reliability-tests/setup/reliability-stack.ts) or TARGET_API_URL. Groups,
 * one after the other:
 *   0. security, bad input and the fault scenarios, FORKS files at a time: each fork has a stack of its
 *      own, so a scenario that kills, restarts or arms faults disturbs only its own file's stack;
 *   1. the mixed load (REL-12) alone, its latencies its own;
 *   2. the log scan (SEC-08), over every log the run wrote;
 *   3. the ledger over every user the suite touched, on every stack (the API suite's check, api-tests/ledger/).
 * Against a deployment there is one stack, its: the security and bad-input files first, two at a time
 * (they never disturb it), then the fault scenarios one at a time.
 */
const SECURITY = ['reliability-tests/security/*.test.ts', 'reliability-tests/bad-input/*.test.ts']
const FAULTS = ['reliability-tests/faults/*.test.ts']
const LOG_SCAN = ['reliability-tests/security/secrets-never-logged.test.ts']

const firstGroups: [FileGroup, ...FileGroup[]] = loadTarget()
  ? [
      { name: 'security+bad-input', include: SECURITY, exclude: LOG_SCAN, maxWorkers: 2 },
      { name: 'faults', include: FAULTS, maxWorkers: 1 },
    ]
  : [
      {
        name: 'security+bad-input+faults',
        include: [...SECURITY, ...FAULTS],
        exclude: LOG_SCAN,
        maxWorkers: FORKS,
      },
    ]

export default suiteConfig({
  reports: { junit: 'reliability', suiteName: 'Reliability, security, bad input' },
  globalSetup: ['reliability-tests/setup/reliability-stack.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
  reuseForks: true,
  groups: [
    ...firstGroups,
    { name: 'load', include: ['reliability-tests/load/*.test.ts'], maxWorkers: 1 },
    { name: 'log-scan', include: LOG_SCAN, maxWorkers: 1 },
    { name: 'ledger', include: ['api-tests/ledger/*.test.ts'], maxWorkers: 1 },
  ],
})
