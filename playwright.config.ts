import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { systemFfmpeg } from './e2e/fixtures/failure-video.ts'
import { CHROMIUM_ARGS, chromiumPath } from './harness/browser/chromium.ts'
import { reportsDir } from './harness/reports-dir.ts'
import { runStamp } from './harness/stack/run-dir.ts'

/**
 * Where this run writes: REPORTS_DIR (default reports/), so that shards run side by side each write their
 * own (`npm run e2e:shards`); E2E_JUNIT_FILE names the JUnit file (CI gives each shard its own name).
 */
const REPORTS = reportsDir()
/** Target mode's prepared users, one per test: one pool per run unless `npm run acceptance` gave its own. */
process.env.TARGET_USER_POOL_DIR ||= join(REPORTS, '.users', `e2e-${runStamp()}`)

/**
 * Browser suites (e2e/): Debian's Chromium, headless, one worker (each worker brings up a whole local
 * stack, and the machine has two cores), no retries. Reports: list on the console, JUnit in
 * reports/junit/e2e.xml, Allure results in reports/allure-results/ (with the trace, screenshot and video
 * of a failed test, and its service logs). `TIMING=fast` runs a 1 s mock Sora (e2e/fixtures/budgets.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: `${REPORTS}/playwright/test-results`,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
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
