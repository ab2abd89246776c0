import { defineConfig } from '@playwright/test'

/**
 * Browser suites (e2e/): Debian's Chromium, headless, one worker (each worker brings up a whole local
 * stack, and the machine has two cores). Reports: list on the console, JUnit in reports/junit/e2e.xml.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'reports/playwright/test-results',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['junit', { outputFile: 'reports/junit/e2e.xml' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
})
