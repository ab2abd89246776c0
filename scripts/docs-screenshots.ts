import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../harness/browser/chromium.ts'
import { WORDS } from '../harness/report/i18n.ts'
import { STYLE } from '../harness/report/pm-report-style.ts'
import { type Mark, verdictBadge } from '../harness/report/svg/verdict-mark.ts'
import { reportsDir } from '../harness/reports-dir.ts'

/**
 * `npm run docs:screenshots`: pictures for the README and docs/pm-report.md, taken in Debian's Chromium:
 * docs/pm-report.png (the last acceptance run's reports/acceptance-report.html from its summary to its
 * trend), docs/allure-overview.jpg (reports/allure-report/index.html) and docs/verdict-marks.png (the
 * report's verdicts as it draws them). Says whether the machine has an emoji font: the report must
 * not need one.
 */
const REPORTS = reportsDir()
const shots = [
  {
    page: resolve(REPORTS, 'acceptance-report.html'),
    out: 'docs/pm-report.png',
    shows: 'Conclusion',
    height: 1950,
  },
  // Allure renders in the page's script after load: wait for its summary, not for the network.
  {
    page: resolve(REPORTS, 'allure-report', 'index.html'),
    out: 'docs/allure-overview.jpg',
    shows: 'AIVideo acceptance',
    height: 1400,
  },
]

const missing = shots.filter((s) => !existsSync(s.page)).map((s) => s.page)
if (missing.length > 0) {
  console.error(`docs:screenshots: run npm run acceptance first; missing ${missing.join(', ')}`)
  process.exit(1)
}

function emojiFonts(): string {
  try {
    const fonts = execFileSync('fc-list', { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /emoji|color/i.test(l))
    return fonts.length ? `with ${fonts.length} emoji font(s)` : 'without an emoji font'
  } catch {
    return 'fonts unknown (no fc-list)'
  }
}

/** Every verdict the report draws, each as its badge. */
function marksPage(): string {
  const w = WORDS.en
  const marks: Mark[] = ['passed', 'failed', 'not_run', 'uncovered', 'differs']
  const badges = marks.map((m) => verdictBadge(m, m === 'differs' ? w.differs : w.verdict[m])).join('')
  return `<!doctype html><meta charset="utf-8"><style>${STYLE}body{margin:8px;max-width:none}
.row{display:flex;gap:1.6rem;font-size:16px}</style><div class="row">${badges}</div>`
}

mkdirSync('docs', { recursive: true })
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] })
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1280, height: shot.height } })
    await page.goto(pathToFileURL(shot.page).href)
    await page.getByText(shot.shows).first().waitFor({ timeout: 30_000 })
    // PNG keeps the report's text and marks sharp; the Allure overview is a JPEG.
    await page.screenshot({ path: shot.out, ...(shot.out.endsWith('.jpg') ? { quality: 85 } : {}) })
    console.log(`docs:screenshots: ${shot.out}`)
  }
  const page = await browser.newPage({ viewport: { width: 620, height: 40 }, deviceScaleFactor: 2 })
  await page.setContent(marksPage())
  await page.locator('.row').screenshot({ path: 'docs/verdict-marks.png' })
  console.log('docs:screenshots: docs/verdict-marks.png')
} finally {
  await browser.close()
}
console.log(`docs:screenshots: taken in ${chromiumPath()}, ${emojiFonts()}`)
