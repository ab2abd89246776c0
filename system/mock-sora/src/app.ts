import multipart from '@fastify/multipart'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { MockSoraConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger, type Logger } from '../../shared/logger.ts'
import { MAX_IMAGE_BYTES } from './create-request.ts'
import { invalidRequest, invalidUrl, serverError } from './errors.ts'
import { loadMedia } from './media.ts'
import { sendError } from './reply.ts'
import { controlRoutes } from './routes/control.ts'
import { healthRoutes } from './routes/health.ts'
import { videoRoutes } from './routes/videos.ts'
import { MockSoraService } from './service.ts'

export type MockSoraDeps = {
  /** Milliseconds since the epoch; tests pass a manual clock so progress needs no sleeping. */
  now?: () => number
  logger?: Logger
  /** How often the shared ticker logs progress of jobs nobody polls. */
  tickMs?: number
}

/** Fast enough that no progress line lags its 10% step by much, even for sub-second test durations. */
const defaultTickMs = (durationS: number) => Math.min(250, Math.max(10, (durationS * 1000) / 20))

/** A faithful mock of OpenAI's Videos API (Sora 2), plus /__mock controls for tests. Never listens. */
export async function buildMockSora(
  config: MockSoraConfig,
  deps: MockSoraDeps = {},
): Promise<FastifyInstance> {
  const logger = deps.logger ?? createLogger('mock-sora', config.LOG_LEVEL)
  const service = new MockSoraService(config, loadMedia(config), logger, deps.now ?? Date.now)

  const loggerInstance: FastifyBaseLogger = logger
  const app = Fastify({
    loggerInstance,
    // One debug line per request (onResponse below) instead of Fastify's two info lines.
    logController: new LogController({ disableRequestLogging: true }),
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500
    if (status >= 500) {
      req.log.error({ err }, 'mock-sora request failed')
      return sendError(reply, serverError())
    }
    return sendError(reply, { ...invalidRequest(null, err.message), status })
  })
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, invalidUrl(req.method, req.url.split('?')[0] ?? req.url)),
  )

  app.addHook('onRequest', async (req) => service.requests.count(req.method, req.routeOptions.url))
  app.addHook('onResponse', async (req, reply) => {
    req.log.debug(
      { event: LogEvent.httpRequest, method: req.method, url: req.url, status: reply.statusCode },
      `"${req.method} ${req.url}" ${reply.statusCode}`,
    )
  })

  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 20 } })
  await app.register(healthRoutes, { durationS: config.MOCK_SORA_DURATION_S })
  await app.register(controlRoutes, { prefix: '/__mock', service })
  await app.register(videoRoutes, { prefix: '/v1', service })

  // One ticker for all jobs, so each logs its progress even when no client polls.
  const ticker = setInterval(() => service.tick(), deps.tickMs ?? defaultTickMs(config.MOCK_SORA_DURATION_S))
  ticker.unref()
  app.addHook('onClose', async () => clearInterval(ticker))

  return app
}
