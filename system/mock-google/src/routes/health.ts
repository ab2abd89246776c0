import type { FastifyPluginAsync } from 'fastify'

/** GET /health: the bring-up readiness probe. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({ status: 'ok' }))
  // Browsers ask for it on the chooser page; a 404 would show as a console error in the browser suites.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send())
}
