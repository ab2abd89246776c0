import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { z } from 'zod'
import { LogEvent } from '../../../shared/log-events.ts'
import { DEFAULT_SCOPE } from '../authorize-request.ts'
import { clientCredentials, secretsMatch } from '../client-auth.ts'
import type { MockGoogleContext } from '../context.ts'
import { signIdToken } from '../id-token.ts'
import { issuerFor } from '../issuer.ts'

const field = z.string().max(4096).optional()
const TokenRequest = z.object({
  grant_type: field,
  code: field,
  client_id: field,
  client_secret: field,
  redirect_uri: field,
})

/** POST /token: the authorization_code grant, form-encoded or JSON, answering in Google's shapes. */
export function tokenRoutes(ctx: MockGoogleContext): FastifyPluginAsync {
  const { config } = ctx
  return async (app) => {
    app.post('/token', async (request, reply) => {
      const parsed = TokenRequest.safeParse(request.body ?? {})
      if (!parsed.success) return oauthError(reply, 400, 'invalid_request', 'Malformed token request.')
      const body = parsed.data
      if (!body.grant_type)
        return oauthError(reply, 400, 'invalid_request', 'Missing required parameter: grant_type')
      if (body.grant_type !== 'authorization_code') {
        return oauthError(reply, 400, 'unsupported_grant_type', `Invalid grant_type: ${body.grant_type}`)
      }
      // The client is authenticated before the code is looked at, so a bad secret never burns a code.
      const client = clientCredentials(request.headers.authorization, body)
      if (client.clientId !== config.MOCK_GOOGLE_CLIENT_ID) {
        return oauthError(reply, 401, 'invalid_client', 'The OAuth client was not found.')
      }
      if (!client.clientSecret || !secretsMatch(client.clientSecret, config.MOCK_GOOGLE_CLIENT_SECRET)) {
        return oauthError(reply, 401, 'invalid_client', 'Unauthorized')
      }
      if (!body.code) return oauthError(reply, 400, 'invalid_request', 'Missing required parameter: code')
      if (!body.redirect_uri) {
        return oauthError(reply, 400, 'invalid_request', 'Missing required parameter: redirect_uri')
      }
      const grant = ctx.codes.redeem(body.code, { clientId: client.clientId, redirectUri: body.redirect_uri })
      if (!grant.ok) return oauthError(reply, 400, 'invalid_grant', grant.detail)

      const { user } = grant.value
      const access = ctx.tokens.issue(user)
      const idToken = await signIdToken(ctx.key, {
        issuer: issuerFor(config, request),
        clientId: client.clientId,
        user,
        nowS: Math.floor(ctx.now() / 1000),
      })
      request.log.info(
        { event: LogEvent.googleToken, email: user.email, sub: user.sub, clientId: client.clientId },
        `mock-google: token issued for ${user.email}`,
      )
      return noStore(reply).send({
        access_token: access.token,
        expires_in: access.expiresIn,
        token_type: 'Bearer',
        scope: DEFAULT_SCOPE,
        id_token: idToken,
      })
    })
  }
}

/** RFC 6749 §5.1: token responses must not be cached. */
function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
}

function oauthError(reply: FastifyReply, status: 400 | 401, error: string, description: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="mock-google"')
  return noStore(reply).code(status).send({ error, error_description: description })
}
