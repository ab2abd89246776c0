import { migrate } from '../../db/migrate.ts'
import { createPool } from '../../db/pool.ts'
import { ConfigError, loadApiConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger } from '../../shared/logger.ts'
import { buildApp } from './app.ts'
import { logBanner } from './banner.ts'

/** The only place that reads the environment and listens. */
async function main() {
  let config: ReturnType<typeof loadApiConfig>
  try {
    config = loadApiConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`api: ${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  const logger = createLogger('api', config.LOG_LEVEL)
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST
  logBanner(logger, config, `http://${host}:${config.PORT}`)

  const pool = createPool(config.DATABASE_URL, 20)
  await migrate(pool)
  const app = await buildApp(config, { logger, pool })
  app.addHook('onClose', () => pool.end())
  const url = await app.listen({ host: config.HOST, port: config.PORT })
  logger.info({ event: LogEvent.serviceListening, url }, `API listening on ${url}`)

  const stop = async (signal: string) => {
    logger.info({ event: LogEvent.serviceStopping, signal }, 'API stopping')
    await app.close()
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

await main()
