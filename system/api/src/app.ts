import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import cors from '@fastify/cors'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  LogController,
} from 'fastify'
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { Redis } from 'ioredis'
import { createPool } from '../../db/pool.ts'
import type { ApiConfig } from '../../shared/config.ts'
import { createLogger } from '../../shared/logger.ts'
import type { ApiDeps, RouteOptions } from './deps.ts'
import { installAccessLog } from './plugins/access-log.ts'
import { requireUser } from './plugins/authenticate.ts'
import { installErrorHandlers } from './plugins/errors.ts'
import { responseSerializerCompiler } from './plugins/response-serializer.ts'
import { authRoutes, sessionRoutes } from './routes/auth.ts'
import { healthRoutes } from './routes/health.ts'
import { uploadRoutes } from './routes/uploads.ts'
import { userRoutes } from './routes/users.ts'
import { videoStreamRoutes } from './routes/video-stream.ts'
import { videoRoutes } from './routes/videos.ts'
import { createGoogleOAuth } from './services/google.ts'
import { createRateLimiter } from './services/rate-limit.ts'
import { createTokenService } from './services/tokens.ts'
import { createVideoEvents } from './services/video-events.ts'
import { createVideoQueue } from './services/video-queue.ts'

/** Makes every dependency the config describes; `close` releases exactly those made here. */
function makeDeps(config: ApiConfig, given: Partial<ApiDeps>): { deps: ApiDeps; close: () => Promise<void> } {
  const closers: Array<() => Promise<unknown>> = []
  const made = <T>(value: T | undefined, create: () => T, close: (v: T) => Promise<unknown>): T => {
    if (value !== undefined) return value
    const v = create()
    closers.push(() => close(v))
    return v
  }
  const logger = given.logger ?? createLogger('api', config.LOG_LEVEL)
  const redis = made(
    given.redis,
    () => {
      const r = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1000 })
      r.on('error', () => {})
      return r
    },
    async (r) => r.disconnect(),
  )
  const deps: ApiDeps = {
    logger,
    redis,
    pool: made(
      given.pool,
      () => createPool(config.DATABASE_URL, 20),
      (p) => p.end(),
    ),
    queue: made(
      given.queue,
      () =>
        createVideoQueue({
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          attempts: config.JOB_ATTEMPTS,
          backoffMs: config.JOB_BACKOFF_MS,
        }),
      (q) => q.close(),
    ),
    events: made(
      given.events,
      () => createVideoEvents(config.DATABASE_URL, logger),
      (e) => e.close(),
    ),
    google:
      given.google ??
      createGoogleOAuth({
        tokenUrl: config.GOOGLE_TOKEN_URL,
        userinfoUrl: config.GOOGLE_USERINFO_URL,
        clientId: config.GOOGLE_CLIENT_ID,
        clientSecret: config.GOOGLE_CLIENT_SECRET,
      }),
    tokens: given.tokens ?? createTokenService(config.JWT_SECRET),
    rateLimiter:
      given.rateLimiter ?? createRateLimiter(redis, config.QUEUE_PREFIX, config.GENERATE_RATE_LIMIT_PER_MIN),
  }
  return { deps, close: async () => void (await Promise.all(closers.map((c) => c()))) }
}

/** The API as a Fastify instance that never listens: server.ts listens, tests call inject(). */
export async function buildApp(config: ApiConfig, given: Partial<ApiDeps> = {}): Promise<FastifyInstance> {
  const { deps, close } = makeDeps(config, given)
  const base = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // installAccessLog writes the one line per request, without query strings
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // A URL Fastify cannot even route (a broken percent-escape, say) answers in our error shape too.
    frameworkErrors: (err, _req, reply) => {
      ;(reply as FastifyReply)
        .code(400)
        .send({ detail: err.code === 'FST_ERR_BAD_URL' ? 'Malformed URL' : err.message })
    },
  })
  // The API speaks JSON (and multipart for uploads): a text/plain body is refused with 415 rather than
  // read as a string — it is also the one body a cross-site form or beacon can send without preflight.
  base.removeContentTypeParser('text/plain')
  installErrorHandlers(base)
  installAccessLog(base)
  base.addHook('onClose', close)
  const app = base.withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(responseSerializerCompiler)

  await app.register(cors, {
    origin: config.CORS_ORIGINS,
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
    maxAge: 600,
  })
  await app.register(swagger, {
    openapi: { info: { title: 'AIVideo.DIY API', version: '1.0.0' } },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  const uploadsDir = resolve(config.UPLOADS_DIR)
  await mkdir(resolve(uploadsDir, 'videos'), { recursive: true })
  await app.register(fastifyStatic, {
    root: uploadsDir,
    prefix: '/uploads/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    acceptRanges: true,
    // Uploads are checked by their first bytes only: never let a browser second-guess the type.
    setHeaders: (res) => res.header('x-content-type-options', 'nosniff'),
  })

  const opts: RouteOptions = { config, deps }
  await app.register(healthRoutes, opts)
  await app.register(
    async (api) => {
      await api.register(authRoutes, opts)
      await api.register(videoStreamRoutes, opts)
      await api.register(async (secured) => {
        secured.decorateRequest('userId', 0)
        secured.addHook('onRequest', requireUser(deps.tokens))
        await secured.register(sessionRoutes, opts)
        await secured.register(userRoutes, opts)
        await secured.register(videoRoutes, opts)
        await secured.register(uploadRoutes, opts)
      })
    },
    { prefix: '/api/v1' },
  )
  return base
}
