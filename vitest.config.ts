import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['system/**/*.test.ts', 'harness/**/*.test.ts'],
    // Those need a Docker engine: npm run test:containers runs them (vitest.containers.config.ts).
    exclude: [...configDefaults.exclude, '**/*.containers.test.ts'],
    globalSetup: ['harness/test-setup/global-infra.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel forks but never more than the machine can hold.
    pool: 'forks',
    maxWorkers: 2,
  },
})
