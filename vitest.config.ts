import { suiteConfig } from './harness/vitest/suite-config.ts'

/** `npm run test:unit`: every `*.test.ts` under system/ and harness/, on one throwaway Redis and PostgreSQL. */
export default suiteConfig({
  globalSetup: ['harness/vitest/global-infra.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  groups: [
    {
      name: 'unit',
      include: ['system/**/*.test.ts', 'harness/**/*.test.ts'],
      // Those need a Docker engine: npm run test:containers runs them (vitest.containers.config.ts).
      exclude: ['**/*.containers.test.ts'],
      maxWorkers: 2,
    },
  ],
})
