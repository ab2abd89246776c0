import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { getUser, upsertGoogleUser } from '../../../db/users.ts'
import {
  GoogleAuthRequest,
  RefreshRequest,
  TokenResponse,
  UserResponse,
} from '../../../shared/schemas/auth.ts'
import { ErrorResponse } from '../../../shared/schemas/errors.ts'
import type { RouteOptions } from '../deps.ts'

/** Sign-in and refresh: no access token needed. */
export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { config, deps }) => {
  const issue = async (userId: number): Promise<TokenResponse> => ({
    access_token: await deps.tokens.sign({ userId, kind: 'access' }, config.ACCESS_TOKEN_TTL_S),
    refresh_token: await deps.tokens.sign({ userId, kind: 'refresh' }, config.REFRESH_TOKEN_TTL_S),
    token_type: 'bearer',
    expires_in: config.ACCESS_TOKEN_TTL_S,
  })

  app.post(
    '/auth/google',
    {
      schema: {
        tags: ['auth'],
        body: GoogleAuthRequest,
        response: { 200: TokenResponse, 401: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (req, reply) => {
      const profile = await deps.google.exchangeCode(req.body.code, req.body.redirect_uri)
      if (!profile.ok) {
        return profile.kind === 'invalid_code'
          ? reply.code(401).send({ detail: profile.detail })
          : reply.code(503).send({ detail: 'Google sign-in is unavailable, try again later' })
      }
      const user = await upsertGoogleUser(deps.pool, profile.value)
      return issue(user.id)
    },
  )

  app.post(
    '/auth/refresh',
    {
      schema: { tags: ['auth'], body: RefreshRequest, response: { 200: TokenResponse, 401: ErrorResponse } },
    },
    async (req, reply) => {
      const claims = await deps.tokens.verify(req.body.refresh_token, 'refresh')
      if (!claims || !(await getUser(deps.pool, claims.userId))) {
        return reply.code(401).send({ detail: 'Invalid refresh token' })
      }
      return issue(claims.userId)
    },
  )
}

/** The signed-in user's session (protected scope). */
export const sessionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], response: { 200: UserResponse, 401: ErrorResponse } } },
    async (req, reply) => {
      const user = await getUser(deps.pool, req.userId)
      return user ?? reply.code(401).send({ detail: 'Could not validate credentials' })
    },
  )

  // Tokens are stateless: logging out is the client forgetting them; 204 confirms the session ends.
  app.post('/auth/logout', { schema: { tags: ['auth'] } }, async (_req, reply) => reply.code(204).send())
}
