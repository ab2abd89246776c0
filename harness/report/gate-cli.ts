import { join } from 'node:path'
import { reportsDir } from '../reports-dir.ts'
import { loadChecklist } from './checklist.ts'
import { evaluateCoverage, unknownIds } from './coverage.ts'
import { collectDifferences } from './differences.ts'
import { evaluateGate } from './gate.ts'
import { junitFailures } from './junit.ts'
import { readPerf } from './perf.ts'
import { readAllureResults } from './results.ts'

/**
 * `npm run gate [-- --strict-conformance]`: reads what the suites left in reports/ and exits 1, saying
 * why, when the release is not fit; with --strict-conformance a difference from the reference API is a
 * reason too.
 */
const args = process.argv.slice(2)
const unknownArg = args.find((a) => a !== '--strict-conformance')
if (unknownArg) {
  console.error(`unknown option ${unknownArg}\nusage: npm run gate [-- --strict-conformance]`)
  process.exit(2)
}
const strictConformance = args.includes('--strict-conformance')
const reports = reportsDir()
const checklist = loadChecklist()
const results = readAllureResults(join(reports, 'allure-results'))
const gate = evaluateGate({
  verdicts: evaluateCoverage(checklist, results, process.env.ACCEPTANCE_SUITES),
  junit: junitFailures(join(reports, 'junit')),
  perf: readPerf(join(reports, 'perf.json')),
  timing: process.env.TIMING ?? 'strict',
  unknownIds: unknownIds(checklist, results),
  differences: collectDifferences(results),
  strictConformance,
})
const MAX_LINES = 20
const MAX_NOT_RUN_LINES = 10
console.log(gate.ok ? '✅ gate: release fit' : `❌ gate: ${gate.reasons.length} reason(s) against release`)
for (const r of gate.reasons.slice(0, MAX_LINES)) console.log(`  ❌ ${r}`)
if (gate.reasons.length > MAX_LINES)
  console.log(`  … ${gate.reasons.length - MAX_LINES} more in ${join(reports, 'acceptance-report.md')}`)
if (gate.notRun.length) {
  const where = process.env.TARGET_API_URL ? ` against the target ${process.env.TARGET_API_URL}` : ''
  console.log(
    `  ⏭ ${gate.notRun.length} item(s) not run${where} (their tests were skipped, e.g. needing stack control): not counted as passed, nor as failed`,
  )
  for (const line of gate.notRun.slice(0, MAX_NOT_RUN_LINES)) console.log(`     ${line}`)
  if (gate.notRun.length > MAX_NOT_RUN_LINES)
    console.log(
      `     … ${gate.notRun.length - MAX_NOT_RUN_LINES} more in ${join(reports, 'acceptance-report.md')}`,
    )
}
if (gate.differences.length && !strictConformance) {
  console.log(
    `  ≠ ${gate.differences.length} difference(s) from the reference API (not counted against release; --strict-conformance would):`,
  )
  for (const line of gate.differences.slice(0, MAX_NOT_RUN_LINES)) console.log(`     ${line}`)
  if (gate.differences.length > MAX_NOT_RUN_LINES)
    console.log(
      `     … ${gate.differences.length - MAX_NOT_RUN_LINES} more in ${join(reports, 'acceptance-report.md')}`,
    )
}
console.log(`  (${results.length} test results read from ${join(reports, 'allure-results')})`)
process.exit(gate.ok ? 0 : 1)
