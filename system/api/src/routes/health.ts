import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { heartbeatPattern } from '../../../shared/queue.ts'
import { HealthResponse } from '../../../shared/schemas/health.ts'
import { withTimeout } from '../../../shared/with-timeout.ts'
import type { RouteOptions } from '../deps.ts'

const CHECK_TIMEOUT_MS = 1500

/** GET /health: each dependency checked live; 503 when any is down, so probes and the doctor can tell. */
export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { config, deps }) => {
  const check = (p: Promise<unknown>, what: string) =>
    withTimeout(p, CHECK_TIMEOUT_MS, what).then(
      () => 'ok' as const,
      () => 'error' as const,
    )
  const countWorkers = async () => {
    const keys = await withTimeout(
      deps.redis.keys(heartbeatPattern(config.QUEUE_PREFIX)),
      CHECK_TIMEOUT_MS,
      'worker heartbeats',
    )
    return keys.length
  }

  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: HealthResponse, 503: HealthResponse } } },
    async (_req, reply) => {
      const [redis, database, queue, workers] = await Promise.all([
        check(deps.redis.ping(), 'redis'),
        check(deps.pool.query('SELECT 1'), 'database'),
        deps.queue.ping().then((up) => (up ? ('ok' as const) : ('error' as const))),
        countWorkers().catch(() => 0),
      ])
      const healthy = redis === 'ok' && database === 'ok' && queue === 'ok'
      return reply.code(healthy ? 200 : 503).send({
        status: healthy ? 'ok' : 'degraded',
        redis,
        database,
        queue,
        mock_sora: config.USE_MOCK_SORA,
        workers,
      })
    },
  )
}
