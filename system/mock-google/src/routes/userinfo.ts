import type { FastifyPluginAsync } from 'fastify'
import type { MockGoogleContext } from '../context.ts'

/** GET /oauth2/v3/userinfo: the profile behind a Bearer access token from /token. */
export function userinfoRoutes(ctx: MockGoogleContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/oauth2/v3/userinfo', async (request, reply) => {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
      const user = token ? ctx.tokens.lookup(token) : undefined
      if (!user) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer error="invalid_token"')
          .send({ error: 'invalid_token', error_description: 'Invalid Credentials' })
      }
      return {
        sub: user.sub,
        email: user.email,
        email_verified: true,
        name: user.name,
        picture: user.picture,
      }
    })
  }
}
