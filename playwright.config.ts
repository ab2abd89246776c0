import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { systemFfmpeg } from './e2e/fixtures/failure-video.ts'
import { CHROMIUM_ARGS, chromiumPath } from './harness/browser/chromium.ts'
import { reportsDir } from './harness/reports-dir.ts'
import { runStamp } from './harness/stack/run-dir.ts'
import { loadTarget } from './harness/target/target-env.ts'

/**
 * Where this run writes: REPORTS_DIR (default reports/), so that shards run side by side each write their
 * own (`npm run e2e:shards`); E2E_JUNIT_FILE names the JUnit file (CI gives each shard its own name).
 */
const REPORTS = reportsDir()
/** Target mode's prepared users, one per test: one pool per run unless `npm run acceptance` gave its own. */
process.env.TARGET_USER_POOL_DIR ||= join(REPORTS, '.users', `e2e-${runStamp()}`)
/** The run's measured numbers, a file per test, merged into perf.json by the global teardown. */
process.env.E2E_PERF_PARTS_DIR ||= join(REPORTS, '.perf-parts', `e2e-${runStamp()}`)

/**
 * Browser suites (e2e/): Debian's Chromium, headless, no retries. Locally two workers, each with a whole
 * local stack of its own: most specs wait on the page or on Sora (the strict ones on 10 s jobs), so two
 * at once fit on two cores. Against a target one worker: its one mock-sora control and users are shared. Reports: list on the console, JUnit in
 * reports/junit/e2e.xml, Allure results in reports/allure-results/ (with the trace, screenshot and video
 * of a failed test, and its service logs). `TIMING=fast` runs a 1 s mock Sora (e2e/fixtures/budgets.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: `${REPORTS}/playwright/test-results`,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: loadTarget() ? 1 : 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  globalTeardown: './e2e/fixtures/merge-perf.ts',
  reporter: [
    ['list'],
    ['junit', { outputFile: process.env.E2E_JUNIT_FILE ?? `${REPORTS}/junit/e2e.xml` }],
    ['allure-playwright', { resultsDir: `${REPORTS}/allure-results`, suiteTitle: true }],
  ],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    // With ffmpeg a failed test gets a video (failure-video.ts), so the trace leaves out its filmstrip.
    trace: systemFfmpeg()
      ? { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true }
      : 'retain-on-failure',
    screenshot: 'only-on-failure',
    // A failed test's video comes from e2e/fixtures/failure-video.ts, encoded only for failures.
    video: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
  },
})
