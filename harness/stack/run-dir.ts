import { join } from 'node:path'
import { reportsDir } from '../reports-dir.ts'

/** A run's id, sortable and safe in a path: the start time, e.g. 2026-01-02T03-04-05-678Z. */
export const runStamp = (at = new Date()): string => at.toISOString().replace(/[:.]/g, '-')

/** Where this run's service logs go: reports/logs/<run>/<service>.log. */
export function runLogDir(runId = process.env.RUN_ID ?? runStamp()): string {
  return join(reportsDir(), 'logs', runId)
}
export const logFileFor = (dir: string, service: string) => join(dir, `${service}.log`)
