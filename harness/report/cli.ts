import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { release, type, userInfo } from 'node:os'
import { join } from 'node:path'
import { reportsDir } from '../reports-dir.ts'
import { loadChecklist } from './checklist.ts'
import { evaluateCoverage } from './coverage.ts'
import { collectDifferences } from './differences.ts'
import type { Lang } from './i18n.ts'
import { readPerf } from './perf.ts'
import { buildReportModel, renderHtml, renderMarkdown } from './pm-report.ts'
import { readAllureResults } from './results.ts'

/**
 * `npm run report`: the PM report from the Allure results of every suite (`npm run gate` decides).
 */
const reports = reportsDir()
const lang: Lang = process.env.REPORT_LANG === 'zh' ? 'zh' : 'en'
const checklist = loadChecklist()
const results = readAllureResults(join(reports, 'allure-results'))
const verdicts = evaluateCoverage(checklist, results, process.env.ACCEPTANCE_SUITES)

const mode = process.env.TARGET_API_URL
  ? `target ${process.env.TARGET_API_URL}`
  : `local stack, ${process.env.USE_MOCK_SORA === 'false' ? 'real' : 'mock'} Sora`
const environment = `${type()} ${release()} / Node.js ${process.version} / ${mode} / timing ${process.env.TIMING ?? 'strict'}`
const model = buildReportModel(
  checklist,
  verdicts,
  readPerf(join(reports, 'perf.json')),
  {
    time: new Date(),
    tester: process.env.REPORT_TESTER ?? userInfo().username,
    environment,
    timing: process.env.TIMING ?? 'strict',
    allureReport: 'allure-report/index.html',
    benchReport: existsSync(join(reports, 'bench.md')) ? 'bench.md' : undefined,
  },
  lang,
  collectDifferences(results),
)
mkdirSync(reports, { recursive: true })
writeFileSync(join(reports, 'acceptance-report.md'), renderMarkdown(model))
writeFileSync(join(reports, 'acceptance-report.html'), renderHtml(model))

const count = (v: string) => verdicts.filter((x) => x.verdict === v).length
console.log(
  `checklist: ${count('passed')} passed, ${count('failed')} failed, ${count('uncovered')} without a test, ${count('not_run')} not run (of ${verdicts.length}; ${results.length} test results)`,
)
console.log(`PM report: ${join(reports, 'acceptance-report.md')} and .html`)
