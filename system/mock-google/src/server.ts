import { ConfigError, loadMockGoogleConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger } from '../../shared/logger.ts'
import { buildMockGoogle } from './app.ts'

/** `npx tsx system/mock-google/src/server.ts`: reads the environment, listens, closes on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadMockGoogleConfig(process.env)
  const logger = createLogger('mock-google', config.LOG_LEVEL)
  const app = await buildMockGoogle(config, { logger })
  const url = await app.listen({ host: config.HOST, port: config.PORT })
  logger.info({ event: LogEvent.serviceListening, url }, `mock-google listening on ${url}`)

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ event: LogEvent.serviceStopping, signal }, `mock-google stopping (${signal})`)
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'mock-google: close failed')
          process.exit(1)
        },
      )
    })
  }
}

main().catch((err: unknown) => {
  // A configuration mistake is reported as its message alone; anything else is a bug and keeps its stack.
  console.error(err instanceof ConfigError ? err.message : err)
  process.exit(1)
})
