import { suiteConfig } from './harness/vitest/suite-config.ts'

/**
 * The tests that need the containers driver (`*.containers.test.ts`), run by `npm run test:containers`
 * with a Docker engine: the three-worker proof and the pact verifications against the API container.
 * One file at a time: each brings up its own compose project on two shared cores.
 */
export default suiteConfig({
  reports: { junit: 'containers', suiteName: 'containers' },
  testTimeout: 300_000,
  hookTimeout: 600_000,
  groups: [{ name: 'containers', include: ['**/*.containers.test.ts'], maxWorkers: 1 }],
})
