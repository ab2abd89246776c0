import type { Logger } from 'pino'
import type { ApiConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'

/** The guide's start-up banner and lines, so an operator sees at once which Sora the system talks to. */
export function logBanner(log: Logger, config: ApiConfig, publicUrl: string): void {
  const rule = '='.repeat(60)
  if (config.USE_MOCK_SORA) {
    log.info({ event: LogEvent.apiBanner, mock_sora: true }, rule)
    log.info({ event: LogEvent.apiBanner, mock_sora: true }, 'USING MOCK SORA SERVICE FOR TESTING')
    log.info(
      { event: LogEvent.apiBanner, mock_sora: true },
      'Set USE_MOCK_SORA=false in config to use real OpenAI API',
    )
    log.info({ event: LogEvent.apiBanner, mock_sora: true }, rule)
  } else {
    log.info({ event: LogEvent.apiBanner, mock_sora: false }, rule)
    log.info(
      { event: LogEvent.apiBanner, mock_sora: false, base_url: config.OPENAI_BASE_URL },
      'USING REAL OPENAI SORA 2 SERVICE',
    )
    log.info({ event: LogEvent.apiBanner, mock_sora: false }, rule)
  }
  log.info({ event: LogEvent.apiStarting }, 'AIVideo.DIY API starting...')
  log.info(
    { event: LogEvent.apiStarting, debug: config.DEBUG },
    `Debug mode: ${config.DEBUG ? 'True' : 'False'}`,
  )
  log.info({ event: LogEvent.apiStarting, docs: `${publicUrl}/docs` }, `API docs: ${publicUrl}/docs`)
}
