import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { mergeShards } from './report/shards.ts'
import { reportsDir } from './reports-dir.ts'

/**
 * `npm run e2e:shards -- N [--parallel]`: the browser suite as N Playwright shards (`--shard i/N`), each
 * its own process writing to reports/shards/<i>/ (REPORTS_DIR: Allure results, JUnit as
 * e2e-shard-<i>.xml, perf.json, Playwright output), then merged into reports/ (harness/report/shards.ts),
 * as CI merges the shards of its matrix. Shards run one after another by default: locally each starts a
 * whole stack of its own and the guide's timing is asserted, which two stacks on two cores would
 * disturb; `--parallel` runs them side by side, for machines with cores to spare or a target deployment.
 */
const USAGE =
  'usage: npm run e2e:shards -- N [--parallel]   (N ≥ 1 shards; results merged into REPORTS_DIR or reports/)'

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    options: { parallel: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
}
try {
  parsed = parse()
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`)
  process.exit(2)
}
const total = Number(parsed.positionals[0])
if (parsed.positionals.length !== 1 || !Number.isInteger(total) || total < 1) {
  console.error(USAGE)
  process.exit(2)
}

const reports = reportsDir()
const shardsDir = join(reports, 'shards')

function runShard(i: number): Promise<number> {
  const dir = join(shardsDir, String(i))
  rmSync(dir, { recursive: true, force: true })
  console.log(`━━ e2e shard ${i}/${total} → ${dir}`)
  return new Promise((done) => {
    const child = spawn('npx', ['playwright', 'test', '--shard', `${i}/${total}`], {
      stdio: 'inherit',
      env: { ...process.env, REPORTS_DIR: dir, E2E_JUNIT_FILE: join(dir, 'junit', `e2e-shard-${i}.xml`) },
    })
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)))
  })
}

const started = Date.now()
const shards = Array.from({ length: total }, (_, k) => k + 1)
const codes: number[] = []
if (parsed.values.parallel) codes.push(...(await Promise.all(shards.map(runShard))))
else for (const i of shards) codes.push(await runShard(i))

const merged = mergeShards(shardsDir, reports)
console.log(
  `\ne2e shards: ${codes.map((c, k) => `${k + 1}/${total} ${c === 0 ? 'passed' : `failed (exit ${c})`}`).join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
)
console.log(
  `merged ${merged.shards} shard(s) into ${reports}: ${merged.allureResults} Allure results, JUnit ${merged.junitFiles.join(', ')}`,
)
process.exit(codes.every((c) => c === 0) ? 0 : 1)
