import { migrate } from '../../db/migrate.ts'
import { createPool } from '../../db/pool.ts'
import { ConfigError, loadWorkerConfig, type WorkerConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger } from '../../shared/logger.ts'
import { createVideoWorker, type VideoWorker } from './worker.ts'

/**
 * Entry point: `npx tsx system/worker/src/server.ts`. Reads the environment, migrates the database
 * (an advisory lock makes this safe beside the API), runs the worker until SIGTERM/SIGINT, then closes
 * gracefully: active jobs finish or are released to another worker.
 */
let config: WorkerConfig
try {
  config = loadWorkerConfig(process.env)
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
  throw err
}

const logger = createLogger('worker', config.LOG_LEVEL)
const pool = createPool(config.DATABASE_URL)
let videoWorker: VideoWorker
try {
  await migrate(pool)
  videoWorker = await createVideoWorker(config, { pool, logger })
} catch (err) {
  logger.fatal({ err: String(err) }, `Worker cannot start: ${err instanceof Error ? err.message : err}`)
  await pool.end().catch(() => {})
  process.exit(1)
}

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  logger.info(
    { event: LogEvent.serviceStopping, signal, workerId: videoWorker.id },
    `Received ${signal}, stopping`,
  )
  try {
    await videoWorker.close()
    await pool.end()
    process.exit(0)
  } catch (err) {
    logger.error({ err: String(err) }, 'Unclean stop')
    process.exit(1)
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
