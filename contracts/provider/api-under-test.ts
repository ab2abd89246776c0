import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import type { FastifyInstance } from 'fastify'
import { freshDatabase } from '../../harness/stack/infra/fresh-database.ts'
import { buildApp } from '../../system/api/src/app.ts'
import type { Pool } from '../../system/db/pool.ts'
import { buildMockGoogle } from '../../system/mock-google/src/app.ts'
import { type ApiConfig, loadApiConfig, loadMockGoogleConfig } from '../../system/shared/config.ts'
import { QUEUE_NAME } from '../../system/shared/queue.ts'
import { serviceLogger } from './service-logs.ts'

export const GOOGLE_CLIENT_ID = 'aivideo-contracts'
const GOOGLE_CLIENT_SECRET = 'aivideo-contracts-secret'
export const JWT_SECRET = 'contracts-jwt-secret-that-is-long-enough-0123'

export interface ApiUnderTest {
  /** Where the API listens (port 0 → a free port). */
  url: string
  /** mock-google, which the API exchanges sign-in codes with. */
  googleUrl: string
  config: ApiConfig
  /** The API's own database, for state handlers that seed through system/db. */
  pool: Pool
  /** The BullMQ queue the API enqueues into (a unique prefix per run). */
  queue: Queue
  close(): Promise<void>
}

const listenUrl = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

/**
 * The API built in-process with its factory on real Redis and PostgreSQL (a fresh database, a unique queue
 * prefix), plus mock-google for sign-in, each on a free port. No worker runs: a pending video stays
 * pending, so every provider state holds exactly as long as the verifier needs it.
 * `adjust` may add hooks before the app listens (the broken-provider test renames a field there).
 */
export async function startApiUnderTest(opts: {
  redisUrl: string
  databaseServerUrl: string
  adjust?: (app: FastifyInstance) => void
}): Promise<ApiUnderTest> {
  const google = await buildMockGoogle(
    loadMockGoogleConfig({
      MOCK_GOOGLE_CLIENT_ID: GOOGLE_CLIENT_ID,
      MOCK_GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT_SECRET,
    }),
    { logger: serviceLogger('mock-google') },
  )
  await google.listen({ host: '127.0.0.1', port: 0 })
  const googleUrl = listenUrl(google)

  const db = await freshDatabase(opts.databaseServerUrl)
  const uploads = await mkdtemp(join(tmpdir(), 'aivideo-contracts-uploads-'))
  const config = loadApiConfig({
    REDIS_URL: opts.redisUrl,
    DATABASE_URL: db.url,
    JWT_SECRET,
    UPLOADS_DIR: uploads,
    QUEUE_PREFIX: `contracts-${randomUUID()}`,
    GOOGLE_CLIENT_ID,
    GOOGLE_CLIENT_SECRET,
    GOOGLE_TOKEN_URL: `${googleUrl}/token`,
    GOOGLE_USERINFO_URL: `${googleUrl}/oauth2/v3/userinfo`,
    GENERATE_RATE_LIMIT_PER_MIN: '0',
  })
  const app = await buildApp(config, { pool: db.pool, logger: serviceLogger('api') })
  opts.adjust?.(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const queue = new Queue(QUEUE_NAME, { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX })

  return {
    url: listenUrl(app),
    googleUrl,
    config,
    pool: db.pool,
    queue,
    async close() {
      await app.close()
      await google.close()
      await queue.obliterate({ force: true }).catch(() => {})
      await queue.close()
      await db.drop()
      await rm(uploads, { recursive: true, force: true })
    },
  }
}
