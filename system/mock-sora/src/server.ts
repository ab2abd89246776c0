import { loadMockSoraConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger } from '../../shared/logger.ts'
import { buildMockSora } from './app.ts'

const config = loadMockSoraConfig(process.env)
const logger = createLogger('mock-sora', config.LOG_LEVEL)
const app = await buildMockSora(config, { logger })

await app.listen({ host: config.HOST, port: config.PORT })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.PORT
const url = `http://${config.HOST}:${port}`
logger.info(
  { event: LogEvent.serviceListening, url, durationS: config.MOCK_SORA_DURATION_S },
  `Mock Sora listening on ${url} (jobs take ${config.MOCK_SORA_DURATION_S}s)`,
)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    if (stopping) return
    stopping = true
    logger.info({ event: LogEvent.serviceStopping, signal }, `Mock Sora stopping (${signal})`)
    // A client holding a download open must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref()
    await app.close()
    process.exit(0)
  })
}
