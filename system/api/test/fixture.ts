import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { Queue } from 'bullmq'
import type { FastifyInstance } from 'fastify'
import { test as base, inject } from 'vitest'
import { freshDatabase } from '../../../harness/stack/infra/fresh-database.ts'
import type { Pool } from '../../db/pool.ts'
import { upsertGoogleUser } from '../../db/users.ts'
import { type ApiConfig, loadApiConfig } from '../../shared/config.ts'
import { createLogger } from '../../shared/logger.ts'
import { QUEUE_NAME } from '../../shared/queue.ts'
import type { UserResponse } from '../../shared/schemas/auth.ts'
import { buildApp } from '../src/app.ts'
import type { ApiDeps } from '../src/deps.ts'
import { createTokenService } from '../src/services/tokens.ts'

export const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789'

export interface SignedIn {
  user: UserResponse
  token: string
  auth: { authorization: string }
}

export interface ApiFixture {
  app: FastifyInstance
  config: ApiConfig
  pool: Pool
  /** Every JSON log line the API wrote during the test. */
  logLines: string[]
  /** The BullMQ queue the API enqueues into (read-only use in tests). */
  queue: Queue
  signIn(email?: string): Promise<SignedIn>
}

/** Env for a test API: a fresh database, a unique queue prefix and uploads dir, quiet logs. */
export async function testEnv(extra: NodeJS.ProcessEnv = {}) {
  const db = await freshDatabase(inject('databaseUrl'))
  const uploads = await mkdtemp(join(tmpdir(), 'aivideo-uploads-'))
  const config = loadApiConfig({
    REDIS_URL: inject('redisUrl'),
    DATABASE_URL: db.url,
    JWT_SECRET,
    UPLOADS_DIR: uploads,
    QUEUE_PREFIX: `test-${randomUUID()}`,
    LOG_LEVEL: 'info',
    ...extra,
  })
  return {
    db,
    config,
    async cleanup() {
      await db.drop()
      await rm(uploads, { recursive: true, force: true })
    },
  }
}

/** Builds the API in-process (no port) with a log capture; tests call app.inject() or supertest(app.server). */
export async function startApi(
  config: ApiConfig,
  pool: Pool,
  deps: Partial<ApiDeps> = {},
): Promise<{ app: FastifyInstance; logLines: string[] }> {
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean))
      cb()
    },
  })
  const logger = createLogger('api', 'info', sink)
  const app = await buildApp(config, { pool, logger, ...deps })
  await app.ready()
  return { app, logLines }
}

export const test = base.extend<{ api: ApiFixture }>({
  api: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures take their dependencies by destructuring
    async ({}, use) => {
      const env = await testEnv()
      const { app, logLines } = await startApi(env.config, env.db.pool)
      const queue = new Queue(QUEUE_NAME, {
        connection: { url: env.config.REDIS_URL },
        prefix: env.config.QUEUE_PREFIX,
      })
      const tokens = createTokenService(JWT_SECRET)
      const signIn = async (email = `user-${randomUUID()}@example.test`): Promise<SignedIn> => {
        const user = await upsertGoogleUser(env.db.pool, {
          sub: randomUUID(),
          email,
          name: 'Test User',
          picture: null,
        })
        const token = await tokens.sign({ userId: user.id, kind: 'access' }, 600)
        return { user, token, auth: { authorization: `Bearer ${token}` } }
      }
      await use({ app, config: env.config, pool: env.db.pool, logLines, queue, signIn })
      await app.close()
      await queue.obliterate({ force: true }).catch(() => {})
      await queue.close()
      await env.cleanup()
    },
    // One API and database per file: tests isolate by signing in fresh users.
    { scope: 'file' },
  ],
})

export const GUIDE_PROMPT =
  'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'
