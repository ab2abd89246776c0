import type { FastifyPluginAsync } from 'fastify'

/** GET /health: the bring-up readiness probe. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({ status: 'ok' }))
}
