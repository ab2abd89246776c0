import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { MockGoogleConfig } from '../../shared/config.ts'
import { createLogger, type Logger } from '../../shared/logger.ts'
import { AccessTokenStore } from './access-tokens.ts'
import { CodeStore } from './codes.ts'
import type { MockGoogleContext } from './context.ts'
import { generateSigningKey } from './keys.ts'
import { authorizeRoutes } from './routes/authorize.ts'
import { discoveryRoutes } from './routes/discovery.ts'
import { healthRoutes } from './routes/health.ts'
import { tokenRoutes } from './routes/token.ts'
import { userinfoRoutes } from './routes/userinfo.ts'
import { type GoogleUser, loadUsers, UserDirectory } from './users.ts'

export type MockGoogleDeps = {
  /** The accounts; read from `config.MOCK_GOOGLE_USERS` when absent. */
  users?: GoogleUser[]
  logger?: Logger
  /** Milliseconds since the epoch; tests move it to expire codes and tokens. */
  now?: () => number
}

/** The mock Google OAuth provider, ready to `inject()` or `listen()`; it never listens itself. */
export async function buildMockGoogle(
  config: MockGoogleConfig,
  deps: MockGoogleDeps = {},
): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now
  const logger = deps.logger ?? createLogger('mock-google', config.LOG_LEVEL)
  const ctx: MockGoogleContext = {
    config,
    users: new UserDirectory(deps.users ?? (await loadUsers(config.MOCK_GOOGLE_USERS))),
    codes: new CodeStore(now),
    tokens: new AccessTokenStore(now),
    key: await generateSigningKey(),
    now,
  }

  // Typed as Fastify's base logger so the app is a plain FastifyInstance, not one generic over pino's type.
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify's per-request lines would log authorize URLs in full; the routes log their own events.
    logController: new LogController({ disableRequestLogging: true }),
  })
  // The chooser's forms and OAuth clients post form-encoded bodies; @fastify/formbody is not needed for that.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  await app.register(healthRoutes)
  await app.register(authorizeRoutes(ctx))
  await app.register(tokenRoutes(ctx))
  await app.register(userinfoRoutes(ctx))
  await app.register(discoveryRoutes(ctx))
  return app
}
