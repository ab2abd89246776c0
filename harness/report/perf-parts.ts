import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { reportsDir } from '../reports-dir.ts'
import { mergePerf, Perf } from './perf.ts'

/** Where a suite run's tests drop their measured numbers, one file each (SuiteTarget.perfDir). */
export function perfPartsDir(runId: string): string {
  const dir = join(reportsDir(), '.perf-parts', runId)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Each test wrote its numbers to a file of its own; one writer merges them, keeping other suites' keys. */
export function mergePerfParts(dir: string): void {
  if (!existsSync(dir)) return // no test measured anything
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  const part: Perf = {}
  for (const f of files.sort())
    Object.assign(part, Perf.parse(JSON.parse(readFileSync(resolve(dir, f), 'utf8'))))
  if (Object.keys(part).length > 0) {
    mkdirSync(reportsDir(), { recursive: true })
    mergePerf(join(reportsDir(), 'perf.json'), part)
  }
  rmSync(dir, { recursive: true, force: true })
}
