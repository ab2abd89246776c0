import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Pool } from '../../db/pool.ts'
import type { ApiConfig } from '../../shared/config.ts'
import type { GoogleOAuth } from './services/google.ts'
import type { RateLimiter } from './services/rate-limit.ts'
import type { TokenService } from './services/tokens.ts'
import type { VideoEvents } from './services/video-events.ts'
import type { VideoQueue } from './services/video-queue.ts'

/** What the routes need; buildApp makes each from the config unless a test passes its own. */
export interface ApiDeps {
  pool: Pool
  redis: Redis
  queue: VideoQueue
  google: GoogleOAuth
  tokens: TokenService
  events: VideoEvents
  rateLimiter: RateLimiter
  logger: Logger
}

export interface RouteOptions {
  config: ApiConfig
  deps: ApiDeps
}
