import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { recordAcceptanceRun } from './report/acceptance-runs.ts'
import { loadChecklist } from './report/checklist.ts'
import { currentCommit } from './report/commit.ts'
import { labelResults } from './report/label-results.ts'
import { readPerf } from './report/perf.ts'
import { reportsDir } from './reports-dir.ts'
import { runStamp } from './stack/run-dir.ts'
import {
  ACCEPTANCE_USAGE,
  isWholeLocalRun,
  parseAcceptanceArgs,
  SUITES,
  type SuiteName,
  stagesOf,
} from './target/acceptance-args.ts'
import { preflightSignIn, SignInPreflightFailed } from './target/preflight.ts'
import { targetSignInClient } from './target/target-env.ts'

/**
 * `npm run acceptance`: every suite in the guide's strict timing, in the stages of
 * harness/target/acceptance-args.ts (browser; API; reliability with the contracts beside it; `--suites`
 * for fewer), then the Allure report for QA, JUnit for CI, and the PM report with the checklist gate. A
 * failing suite does not stop the others, so the reports show everything. In target mode one sign-in
 * preflight comes first: when it fails, nothing runs and one screen says why. Exits non-zero when any
 * suite or the gate failed.
 */
const REPORTS = reportsDir()

/** Runs a command to its end; its output goes to the console, or to `logFile` (a suite run beside another). */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  logFile?: string,
): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    })
    if (logFile) {
      const out = createWriteStream(logFile)
      child.stdout?.pipe(out)
      child.stderr?.pipe(out)
    }
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)))
  })
}

// `-- --target API_URL --web WEB_URL [--google GOOGLE_URL]` (or TARGET_* in the environment): target mode.
const args = parseAcceptanceArgs(process.argv.slice(2), process.env)
if (!args.ok) {
  console.error(args.help ? ACCEPTANCE_USAGE : `${args.error}\n\n${ACCEPTANCE_USAGE}`)
  process.exit(args.help ? 0 : 2)
}
// Every suite, the reports and the gate inherit the target.
Object.assign(process.env, args.env)
if (args.target) {
  console.log(
    `acceptance in target mode: API ${args.target.apiUrl}, web ${args.target.webUrl ?? '(none: browser tests skip)'}, sign-in by ${args.target.auth.kind}; tests needing stack control are skipped with their reason`,
  )
  try {
    const { googleClientId, redirectUri } = targetSignInClient()
    await preflightSignIn(args.target, redirectUri, googleClientId)
  } catch (err) {
    if (!(err instanceof SignInPreflightFailed)) throw err
    console.error(`\n${err.message}\n`)
    process.exit(2)
  }
}

const started = Date.now()
const timing = process.env.TIMING ?? 'strict'
for (const dir of ['allure-results', 'junit']) rmSync(join(REPORTS, dir), { recursive: true, force: true })
rmSync(join(REPORTS, 'perf.json'), { force: true })
mkdirSync(join(REPORTS, 'allure-results'), { recursive: true })
// One pool of prepared users for every suite of the run: no two tests, in any suite, share a user.
if (args.suites.length < Object.keys(SUITES).length) process.env.ACCEPTANCE_SUITES = args.suites.join(',')
process.env.TARGET_USER_POOL_DIR = join(REPORTS, '.users', `acceptance-${runStamp()}`)

const outcomes: Array<{ suite: string; code: number; seconds: number }> = []
async function runSuite(name: SuiteName, logFile?: string): Promise<void> {
  const t0 = Date.now()
  const code = await run('npm', ['run', SUITES[name]], { TIMING: timing }, logFile)
  outcomes.push({ suite: SUITES[name], code, seconds: (Date.now() - t0) / 1000 })
}
for (const [main, ...beside] of stagesOf(args.suites)) {
  const logs = beside.map((name) => join(REPORTS, 'logs', `acceptance-${name}.log`))
  const also = beside.length ? `, with ${beside.map((s) => `npm run ${SUITES[s]}`).join(', ')} beside it` : ''
  console.log(`\n━━ acceptance: npm run ${SUITES[main]} (timing ${timing})${also} ━━`)
  mkdirSync(join(REPORTS, 'logs'), { recursive: true })
  await Promise.all([runSuite(main), ...beside.map((name, i) => runSuite(name, logs[i]))])
  for (const [i, name] of beside.entries()) {
    console.log(`\n━━ acceptance: npm run ${SUITES[name]}, which ran beside it (${logs[i]}) ━━`)
    process.stdout.write(readFileSync(logs[i]!, 'utf8'))
  }
}

const checklist = loadChecklist()
labelResults(join(REPORTS, 'allure-results'), checklist)
const perf = readPerf(join(REPORTS, 'perf.json'))
const variables: Record<string, string> = {
  Mode: process.env.TARGET_API_URL ? `target ${process.env.TARGET_API_URL}` : 'local stack, mock Sora',
  Timing: timing,
  Node: process.version,
  Commit: currentCommit(),
  ...(perf.api_get_video ? { 'API p95 GET /videos/{id}': `${perf.api_get_video.p95_ms.toFixed(1)} ms` } : {}),
  ...(perf.api_generate
    ? { 'API p95 POST /videos/generate': `${perf.api_generate.p95_ms.toFixed(1)} ms` }
    : {}),
  ...(perf.generation_s !== undefined ? { Generation: `${perf.generation_s.toFixed(1)} s` } : {}),
  ...(perf.click_to_playing_s !== undefined
    ? { 'Click to playing': `${perf.click_to_playing_s.toFixed(1)} s` }
    : {}),
}
const allure = await run(
  'npx',
  ['allure', 'generate', join(REPORTS, 'allure-results'), '-c', 'allurerc.mjs'],
  {
    ALLURE_VARIABLES: JSON.stringify(variables),
  },
)
// The PM report appends this run's figures to reports/acceptance-history.jsonl (its trend) first.
const report = await run(process.execPath, ['--import', 'tsx', 'harness/report/cli.ts', '--record-run'], {
  TIMING: timing,
})
const gate = await run(
  process.execPath,
  [
    '--import',
    'tsx',
    'harness/report/gate-cli.ts',
    ...(args.strictConformance ? ['--strict-conformance'] : []),
  ],
  { TIMING: timing },
)

console.log('\n━━ acceptance summary ━━')
for (const o of outcomes) console.log(`${o.code === 0 ? '✅' : '❌'} ${o.suite} (${o.seconds.toFixed(0)} s)`)
console.log(`${allure === 0 ? '✅' : '❌'} Allure report: ${join(REPORTS, 'allure-report', 'index.html')}`)
console.log(
  `${gate === 0 ? '✅' : '❌'} checklist gate and PM report: ${join(REPORTS, 'acceptance-report.md')} (.html)`,
)
console.log(
  `JUnit: ${join(REPORTS, 'junit')}${existsSync(join(REPORTS, 'perf.json')) ? ` · perf: ${join(REPORTS, 'perf.json')}` : ''}`,
)
const wallS = (Date.now() - started) / 1000
const passed = outcomes.every((o) => o.code === 0) && allure === 0 && report === 0 && gate === 0
console.log(`wall time ${wallS.toFixed(0)} s`)
if (isWholeLocalRun(args))
  recordAcceptanceRun(join(REPORTS, 'acceptance-runs.json'), timing, {
    wall_s: wallS,
    finished_at: new Date().toISOString(),
    commit: currentCommit(),
    passed,
    suites: outcomes,
  })
process.exit(passed ? 0 : 1)
