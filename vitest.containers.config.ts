import { defineConfig } from 'vitest/config'

/**
 * The tests that need the containers driver (`*.containers.test.ts`), run by `npm run test:containers`
 * with a Docker engine: the three-worker proof and the pact verifications against the API container.
 * One file at a time: each brings up its own compose project on two shared cores.
 */
export default defineConfig({
  test: {
    include: ['**/*.containers.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    setupFiles: ['allure-vitest/setup'],
    reporters: [
      'default',
      ['junit', { outputFile: 'reports/junit/containers.xml', suiteName: 'containers' }],
      ['allure-vitest/reporter', { resultsDir: 'reports/allure-results' }],
    ],
  },
})
