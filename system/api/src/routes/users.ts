import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { getCredits } from '../../../db/users.ts'
import { CreditsResponse } from '../../../shared/schemas/auth.ts'
import { ErrorResponse } from '../../../shared/schemas/errors.ts'
import type { RouteOptions } from '../deps.ts'

export const userRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/users/credits',
    { schema: { tags: ['users'], response: { 200: CreditsResponse, 401: ErrorResponse } } },
    async (req, reply) => {
      const credits = await getCredits(deps.pool, req.userId)
      if (credits === null) return reply.code(401).send({ detail: 'Could not validate credentials' })
      return { credits, user_id: req.userId }
    },
  )
}
