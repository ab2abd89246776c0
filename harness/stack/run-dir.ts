import { join, resolve } from 'node:path'

/** Where this run's service logs go: reports/logs/<run>/<service>.log. */
export function runLogDir(
  runId = process.env.RUN_ID ?? new Date().toISOString().replace(/[:.]/g, '-'),
): string {
  return resolve(process.env.REPORTS_DIR ?? 'reports', 'logs', runId)
}
export const logFileFor = (dir: string, service: string) => join(dir, `${service}.log`)
