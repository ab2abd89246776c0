import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { collectDifferences } from '../differences.ts'
import { printPdf } from '../pdf.ts'
import { buildReportModel } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { MARK_COLOR, type Mark } from '../svg/verdict-mark.ts'
import { fakeResult } from './fake-result.ts'
import { type PageImage, type PdfWord, pageImage, pdfWords, pixelsOfColour } from './pdf-look.ts'

/**
 * The report's verdicts are drawn (shape, colour) and named (a word), never emoji that a viewer's
 * fonts may lack: one failed, one not run and one differing item each show as such in the HTML and in
 * the PDF Chromium prints from it (its words by pdftotext, the mark beside each word by pdftoppm).
 */
const checklist: Checklist = {
  areas: { FE: 'Frontend', BE: 'Backend', API: 'API' },
  items: [
    { id: 'FE-01', area: 'FE', title: 'Sign-in shows 100.0' },
    { id: 'BE-01', area: 'BE', title: 'API receives generate' },
    { id: 'FE-05', area: 'FE', title: 'Console logs the guide lines' },
    { id: 'API-02', area: 'API', title: 'video_url has the guide form' },
  ],
}
const t = fakeResult('api')
const results = [
  t('signs in @FE-01', 'passed'),
  t('answers 201 @BE-01', 'failed', 'expected 201, got 500'),
  t('logs the lines @FE-05', 'skipped', 'needs stack control (logs)'),
  {
    ...t('names the file @API-02', 'passed'),
    differences: ['GET /api/v1/videos/{id} .poster_url: expected string, got nothing'],
  },
]
const meta = {
  time: new Date(2026, 11, 6, 9, 0),
  tester: 'QA',
  environment: 'target http://127.0.0.1:18000',
  timing: 'strict',
  allureReport: 'allure-report/index.html',
}
const model = buildReportModel(
  checklist,
  evaluateCoverage(checklist, results),
  {},
  meta,
  'en',
  collectDifferences(results),
)
const html = renderHtml(model)

/** The table row of an item: from its ID cell to the row's end. */
const rowOf = (id: string) => html.match(new RegExp(`<tr[^>]*><td>${id}</td>.*?</tr>`))?.[0] ?? ''
const EMOJI = /\p{Extended_Pictographic}/u

describe('verdicts in the HTML report', () => {
  it('are a drawn mark and a word, and no emoji anywhere', () => {
    expect(rowOf('BE-01')).toMatch(/class="verdict v-failed"><svg[^>]*>.*<\/svg><span>failed<\/span>/)
    expect(rowOf('FE-05')).toMatch(/class="verdict v-not_run"><svg[^>]*>.*<\/svg><span>not run<\/span>/)
    expect(rowOf('API-02')).toMatch(
      /v-passed">.*<span>passed<\/span>.*v-differs"><svg[^>]*>.*<span>differs<\/span>/,
    )
    expect(rowOf('FE-01')).toMatch(/v-passed"><svg[^>]*>.*<span>passed<\/span>/)
    expect(rowOf('FE-01')).not.toMatch(/v-(failed|not_run|differs)/)
    expect(html).not.toMatch(EMOJI)
  })

  it('needs nothing from outside the page: no script, stylesheet, image or font to fetch', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(|\ssrc=/i)
  })
})

/**
 * A drawn mark covers about 200–370 pixels of its colour at 144 dpi; the empty box a font draws for an
 * emoji it lacks, about 20–30.
 */
const MARK_PIXELS = 100

describe('verdicts in the PDF report', () => {
  let pdf: string
  let words: PdfWord[]
  const pages = new Map<number, PageImage>()
  const image = (page: number) => pages.get(page) ?? pages.set(page, pageImage(pdf, page)).get(page)!

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-report-'))
    writeFileSync(join(dir, 'report.html'), html)
    pdf = join(dir, 'report.pdf')
    await printPdf(join(dir, 'report.html'), pdf)
    words = pdfWords(pdf)
  })

  /** The verdict word on the item's row of its checklist table, and how many pixels of each mark's
   * colour lie just left of that word (where its mark is drawn). */
  function markBeside(id: string, word: string): Record<Mark, number> {
    const rows = words.filter((w) => w.text === id)
    const cell = rows.at(-1)! // the checklist table comes last
    const verdict = words.find(
      (w) =>
        w.page === cell.page && w.text === word && Math.abs(w.yMin - cell.yMin) < 3 && w.xMin > cell.xMax,
    )
    expect(verdict, `"${word}" on the row of ${id}`).toBeDefined()
    const box = {
      x0: verdict!.xMin - 16,
      y0: verdict!.yMin - 2,
      x1: verdict!.xMin - 1,
      y1: verdict!.yMax + 2,
    }
    const img = image(verdict!.page)
    return Object.fromEntries(
      Object.entries(MARK_COLOR).map(([mark, hex]) => [mark, pixelsOfColour(img, box, hex)]),
    ) as Record<Mark, number>
  }

  it('opens with poppler and says each verdict in words', () => {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toMatch(/BE-01\s+API receives generate\s+failed/)
    expect(text).toMatch(/FE-05\s+Console logs the guide lines\s+not run/)
    expect(text).toMatch(/API-02\s+video_url has the guide form\s+passed\s+differs/)
    expect(text).toContain('Differences from the reference API')
  })

  it('draws the failed mark in red beside "failed", the not-run mark in grey, the difference in amber', () => {
    const failed = markBeside('BE-01', 'failed')
    expect(failed.failed).toBeGreaterThan(MARK_PIXELS)
    expect(failed.passed).toBe(0)
    const notRun = markBeside('FE-05', 'not')
    expect(notRun.not_run).toBeGreaterThan(MARK_PIXELS)
    expect(notRun.failed + notRun.passed).toBe(0)
    const differs = markBeside('API-02', 'differs')
    expect(differs.differs).toBeGreaterThan(MARK_PIXELS)
    expect(differs.failed).toBe(0)
    const passed = markBeside('FE-01', 'passed')
    expect(passed.passed).toBeGreaterThan(MARK_PIXELS)
    expect(passed.failed).toBe(0)
  })
})
