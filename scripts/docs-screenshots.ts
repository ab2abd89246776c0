import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { reportsDir } from '../harness/reports-dir.ts'

/**
 * `npm run docs:screenshots`: pictures of the last acceptance run's two reports for the README,
 * taken in Debian's Chromium: docs/pm-report.jpg (the top of reports/acceptance-report.html) and
 * docs/allure-overview.jpg (reports/allure-report/index.html).
 */
const REPORTS = reportsDir()
const shots = [
  {
    page: resolve(REPORTS, 'acceptance-report.html'),
    out: 'docs/pm-report.jpg',
    shows: 'Conclusion',
  },
  // Allure renders in the page's script after load: wait for its summary, not for the network.
  {
    page: resolve(REPORTS, 'allure-report', 'index.html'),
    out: 'docs/allure-overview.jpg',
    shows: 'AIVideo acceptance',
  },
]

const missing = shots.filter((s) => !existsSync(s.page)).map((s) => s.page)
if (missing.length > 0) {
  console.error(`docs:screenshots: run npm run acceptance first; missing ${missing.join(', ')}`)
  process.exit(1)
}
mkdirSync('docs', { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } })
  for (const shot of shots) {
    await page.goto(pathToFileURL(shot.page).href)
    await page.getByText(shot.shows).first().waitFor({ timeout: 30_000 })
    await page.screenshot({ path: shot.out, quality: 80 })
    console.log(`docs:screenshots: ${shot.out}`)
  }
} finally {
  await browser.close()
}
