import type { FastifyPluginAsync } from 'fastify'
import { AUTHORIZE_PATH, DEFAULT_SCOPE } from '../authorize-request.ts'
import type { MockGoogleContext } from '../context.ts'
import { issuerFor } from '../issuer.ts'
import { SIGNING_ALG } from '../keys.ts'

export const JWKS_PATH = '/oauth2/v3/certs'

/** The JWKS and OpenID discovery document, so OIDC libraries can be pointed at mock-google unchanged. */
export function discoveryRoutes(ctx: MockGoogleContext): FastifyPluginAsync {
  return async (app) => {
    app.get(JWKS_PATH, async () => ({ keys: [ctx.key.publicJwk] }))

    app.get('/.well-known/openid-configuration', async (request) => {
      const issuer = issuerFor(ctx.config, request)
      return {
        issuer,
        authorization_endpoint: `${issuer}${AUTHORIZE_PATH}`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/oauth2/v3/userinfo`,
        jwks_uri: `${issuer}${JWKS_PATH}`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: [SIGNING_ALG],
        scopes_supported: DEFAULT_SCOPE.split(' '),
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        claims_supported: ['aud', 'email', 'email_verified', 'exp', 'iat', 'iss', 'name', 'picture', 'sub'],
      }
    })
  }
}
