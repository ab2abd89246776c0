import { resolve } from 'node:path'

/**
 * Where every suite, report and tool of a run writes: REPORTS_DIR (relative to the working directory,
 * the repo root for npm scripts), default reports/. Shards and side-by-side runs each give their own.
 */
export const reportsDir = (env: NodeJS.ProcessEnv = process.env): string =>
  resolve(env.REPORTS_DIR ?? 'reports')
