import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

/**
 * reports/acceptance-runs.json: the last `npm run acceptance` per timing (strict, fast), so that
 * `npm run bench` can show its wall time without running it again.
 */
export const AcceptanceRun = z.object({
  wall_s: z.number(),
  finished_at: z.string(),
  commit: z.string(),
  passed: z.boolean(),
  suites: z.array(z.object({ suite: z.string(), code: z.number(), seconds: z.number() })),
})
export type AcceptanceRun = z.infer<typeof AcceptanceRun>
const AcceptanceRuns = z.record(z.string(), AcceptanceRun)
export type AcceptanceRuns = z.infer<typeof AcceptanceRuns>

export function readAcceptanceRuns(path: string): AcceptanceRuns {
  try {
    return AcceptanceRuns.parse(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    return {}
  }
}

export function recordAcceptanceRun(path: string, timing: string, run: AcceptanceRun): void {
  writeFileSync(path, `${JSON.stringify({ ...readAcceptanceRuns(path), [timing]: run }, null, 2)}\n`)
}
