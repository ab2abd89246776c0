import { join } from 'node:path'
import { reportsDir } from '../reports-dir.ts'

/** Where this run's service logs go: reports/logs/<run>/<service>.log. */
export function runLogDir(
  runId = process.env.RUN_ID ?? new Date().toISOString().replace(/[:.]/g, '-'),
): string {
  return join(reportsDir(), 'logs', runId)
}
export const logFileFor = (dir: string, service: string) => join(dir, `${service}.log`)
