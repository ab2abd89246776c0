import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { release, type, userInfo } from 'node:os'
import { join } from 'node:path'
import { reportsDir } from '../reports-dir.ts'
import { loadChecklist } from './checklist.ts'
import { currentCommit } from './commit.ts'
import { evaluateCoverage } from './coverage.ts'
import { collectDifferences } from './differences.ts'
import type { Lang } from './i18n.ts'
import { printPdf } from './pdf.ts'
import { readPerf } from './perf.ts'
import { buildReportModel, TREND_RUNS } from './pm-report.ts'
import { renderHtml } from './pm-report-html.ts'
import { renderMarkdown } from './pm-report-markdown.ts'
import { readAllureResults } from './results.ts'
import { readAllureHistory, readRunHistory, recordRun, runRecord, trendRuns } from './run-history.ts'
import { probeTargetIdentity } from './target-identity.ts'

/**
 * `npm run report [-- --pdf]`: the PM report from the Allure results of every suite (`npm run gate`
 * decides), with the trend of the runs in reports/acceptance-history.jsonl; `--pdf` also prints it.
 * The acceptance run adds `--record-run`: this run's figures are appended to that history first.
 */
const args = process.argv.slice(2)
const unknown = args.filter((a) => a !== '--pdf' && a !== '--record-run')
if (unknown.length) {
  console.error(`report: unknown ${unknown.join(' ')}; usage: npm run report [-- --pdf]`)
  process.exit(2)
}
const reports = reportsDir()
const lang: Lang = process.env.REPORT_LANG === 'zh' ? 'zh' : 'en'
const timing = process.env.TIMING ?? 'strict'
const target = process.env.TARGET_API_URL
const checklist = loadChecklist()
const results = readAllureResults(join(reports, 'allure-results'))
const verdicts = evaluateCoverage(checklist, results, process.env.ACCEPTANCE_SUITES)
const perf = readPerf(join(reports, 'perf.json'))
const commit = currentCommit()
const told = target ? (await probeTargetIdentity(target)).told : []

const historyFile = join(reports, 'acceptance-history.jsonl')
const allureHistory = readAllureHistory(join(reports, 'allure-history.jsonl'))
if (args.includes('--record-run'))
  recordRun(
    historyFile,
    runRecord(results, verdicts, perf, {
      commit,
      timing,
      target,
      version: told.join('; ') || undefined,
      recordedAt: new Date(),
      lastAllure: allureHistory.at(-1),
    }),
  )

const mode = target
  ? `target ${target}`
  : `local stack, ${process.env.USE_MOCK_SORA === 'false' ? 'real' : 'mock'} Sora`
const environment = `${type()} ${release()} / Node.js ${process.version} / ${mode} / timing ${timing}`
const model = buildReportModel(
  checklist,
  verdicts,
  perf,
  {
    time: new Date(),
    tester: process.env.REPORT_TESTER ?? userInfo().username,
    environment,
    timing,
    allureReport: 'allure-report/index.html',
    benchReport: existsSync(join(reports, 'bench.md')) ? 'bench.md' : undefined,
    accepted: {
      commit,
      target: target ? { apiUrl: target, webUrl: process.env.TARGET_WEB_URL, told } : undefined,
    },
  },
  lang,
  collectDifferences(results),
  trendRuns(readRunHistory(historyFile), allureHistory, { timing, target }, TREND_RUNS),
)
mkdirSync(reports, { recursive: true })
const html = join(reports, 'acceptance-report.html')
writeFileSync(join(reports, 'acceptance-report.md'), renderMarkdown(model))
writeFileSync(html, renderHtml(model))

const count = (v: string) => verdicts.filter((x) => x.verdict === v).length
console.log(
  `checklist: ${count('passed')} passed, ${count('failed')} failed, ${count('uncovered')} without a test, ${count('not_run')} not run (of ${verdicts.length}; ${results.length} test results)`,
)
console.log(`PM report: ${join(reports, 'acceptance-report.md')} and .html`)
if (args.includes('--pdf')) {
  await printPdf(html, join(reports, 'acceptance-report.pdf'))
  console.log(`PM report PDF: ${join(reports, 'acceptance-report.pdf')}`)
}
