import { mkdirSync } from 'node:fs'
import { pino } from 'pino'
import { logFileFor, runLogDir, runStamp } from '../../harness/stack/run-dir.ts'
import { createLogger, type Logger } from '../../system/shared/logger.ts'

/**
 * The services a verification starts in-process log to `reports/logs/contracts-<run>/<service>.log`,
 * not to the test output, where the verifier's own report belongs.
 */
const dir = runLogDir(process.env.CONTRACTS_RUN_ID ?? `contracts-${runStamp()}`)

export function serviceLogger(service: string): Logger {
  mkdirSync(dir, { recursive: true })
  return createLogger(service, 'info', pino.destination({ dest: logFileFor(dir, service), sync: false }))
}
