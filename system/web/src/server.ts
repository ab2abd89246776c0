import { ConfigError, loadWebConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger } from '../../shared/logger.ts'
import { buildWebApp } from './app.ts'
import { buildClientBundle } from './build.ts'

/** `node --import tsx system/web/src/server.ts`: reads the environment, bundles, listens, closes on signals. */
async function main(): Promise<void> {
  const config = loadWebConfig(process.env)
  const logger = createLogger('web', config.LOG_LEVEL)
  const bundle = await buildClientBundle()
  logger.info(
    { event: LogEvent.webBundleBuilt, bytes: bundle.bytes, ms: Math.round(bundle.builtMs) },
    `web: bundle built (${Math.round(bundle.bytes / 1024)} KB in ${Math.round(bundle.builtMs)} ms)`,
  )
  const app = await buildWebApp(config, { logger, bundle })
  const url = await app.listen({ host: config.HOST, port: config.PORT })
  logger.info(
    { event: LogEvent.serviceListening, url, apiBaseUrl: config.API_BASE_URL },
    `web listening on ${url} (API ${config.API_BASE_URL})`,
  )

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ event: LogEvent.serviceStopping, signal }, `web stopping (${signal})`)
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'web: close failed')
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
