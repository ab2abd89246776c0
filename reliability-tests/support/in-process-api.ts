import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as allure from 'allure-js-commons'
import { Queue } from 'bullmq'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { pino } from 'pino'
import { expect } from 'vitest'
import type { LocalStackInfo } from '../../api-tests/setup/suite-target.ts'
import { freshDatabase } from '../../harness/stack/infra/fresh-database.ts'
import { buildApp } from '../../system/api/src/app.ts'
import { createTokenService } from '../../system/api/src/services/tokens.ts'
import type { Pool } from '../../system/db/pool.ts'
import { upsertGoogleUser } from '../../system/db/users.ts'
import { createChargedVideo } from '../../system/db/videos.ts'
import { loadApiConfig } from '../../system/shared/config.ts'
import { QUEUE_NAME } from '../../system/shared/queue.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'

/**
 * The API built in-process (buildApp + inject, no socket) on the stack's real Redis and PostgreSQL
 * server, with a database, queue prefix and uploads dir of its own: thousands of fuzz cases run in
 * seconds, and "the database is unchanged" can be checked exactly, whatever the other tests do.
 * Seeded with a user holding one video and 0 credits (grant() gives more), and an access token for it.
 * No worker serves its queue; its jobs are removed at close.
 */
export interface InProcessApi {
  app: FastifyInstance
  pool: Pool
  uploadsDir: string
  userId: number
  videoId: number
  auth: { authorization: string }
  /** Everything a fuzz case could change: row counts and every balance. */
  snapshot(): Promise<string>
  /** Row counts and the seeded user's balance, to check what an accepted request changed. */
  counts(): Promise<{ videos: number; ledger: number; keys: number; credits: number }>
  /** Gives the seeded user credits (through the ledger), so that valid generates are accepted. */
  grant(credits: number): Promise<void>
  close(): Promise<void>
}

export async function startInProcessApi(info: LocalStackInfo): Promise<InProcessApi> {
  const db = await freshDatabase(info.wiring.databaseUrl)
  const uploadsDir = await mkdtemp(join(tmpdir(), 'aivideo-fuzz-uploads-'))
  const jwtSecret = randomBytes(32).toString('base64url')
  const queuePrefix = `fuzz-${randomUUID().slice(0, 8)}`
  const google = `http://${info.wiring.host}:${info.wiring.ports.mockGoogle}`
  const config = loadApiConfig({
    REDIS_URL: info.wiring.redisUrl,
    DATABASE_URL: db.url,
    UPLOADS_DIR: uploadsDir,
    QUEUE_PREFIX: queuePrefix,
    // The rate limit is SEC-10's subject; here it would only turn valid generates into 429s.
    GENERATE_RATE_LIMIT_PER_MIN: '0',
    JWT_SECRET: jwtSecret,
    MOCK_SORA_API_KEY: info.wiring.mockSoraApiKey,
    GOOGLE_CLIENT_ID: info.wiring.googleClientId,
    GOOGLE_CLIENT_SECRET: info.wiring.googleClientSecret,
    GOOGLE_TOKEN_URL: `${google}/token`,
    GOOGLE_USERINFO_URL: `${google}/oauth2/v3/userinfo`,
  })
  const app = await buildApp(config, { pool: db.pool, logger: pino({ level: 'silent' }) })
  await app.ready()

  const user = await upsertGoogleUser(db.pool, {
    sub: `fuzz-${randomUUID()}`,
    email: `fuzz-${randomUUID().slice(0, 8)}@example.com`,
    name: 'Fuzz',
    picture: null,
  })
  const created = await createChargedVideo(db.pool, {
    userId: user.id,
    prompt: 'A video that exists, for the read endpoints',
    model: 'sora-2',
    referenceImageUrl: null,
  })
  if (!created.ok) throw new Error(created.detail)
  await db.pool.query('UPDATE users SET credits = 0 WHERE id = $1', [user.id])
  const token = await createTokenService(jwtSecret).sign({ userId: user.id, kind: 'access' }, 3600)

  return {
    app,
    pool: db.pool,
    uploadsDir,
    userId: user.id,
    videoId: created.value.video.id,
    auth: { authorization: `Bearer ${token}` },
    async snapshot() {
      const { rows } = await db.pool.query(
        `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM videos) AS videos,
                (SELECT count(*) FROM credit_ledger) AS ledger, (SELECT count(*) FROM idempotency_keys) AS keys,
                (SELECT string_agg(id || ':' || credits, ',' ORDER BY id) FROM users) AS balances,
                (SELECT string_agg(id || ':' || status || ':' || progress, ',' ORDER BY id) FROM videos) AS states`,
      )
      return JSON.stringify(rows[0])
    },
    async counts() {
      const { rows } = await db.pool.query(
        `SELECT (SELECT count(*)::int FROM videos) AS videos, (SELECT count(*)::int FROM credit_ledger) AS ledger,
                (SELECT count(*)::int FROM idempotency_keys) AS keys,
                (SELECT credits::float FROM users WHERE id = $1) AS credits`,
        [user.id],
      )
      return rows[0]
    },
    async grant(credits) {
      await db.pool.query('UPDATE users SET credits = credits + $2 WHERE id = $1', [user.id, credits])
      await db.pool.query(`INSERT INTO credit_ledger (user_id, delta, reason) VALUES ($1, $2, 'signup')`, [
        user.id,
        credits,
      ])
    },
    async close() {
      await app.close()
      // Jobs of accepted fuzz generates (no worker serves this prefix) go with the database.
      const queue = new Queue(QUEUE_NAME, { connection: { url: info.wiring.redisUrl }, prefix: queuePrefix })
      await queue.obliterate({ force: true }).catch(() => {})
      await queue.close()
      await db.drop()
      await rm(uploadsDir, { recursive: true, force: true })
    },
  }
}

/** The property every fuzz case must keep: never a 5xx, and every 4xx a JSON `{detail}`. */
export function expectHandled(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500)
  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], `${what}: JSON error`).toMatch(/^application\/json/)
    expect(ErrorResponse.safeParse(res.json()).success, `${what}: {detail}: ${res.body.slice(0, 300)}`).toBe(
      true,
    )
  }
}

/** Prints and attaches the seed, so that a failing run can be replayed with FC_SEED. */
export async function announceSeed(name: string, params: { numRuns: number; seed: number }): Promise<void> {
  console.info(`${name}: ${params.numRuns} cases, seed ${params.seed} (replay: FC_SEED=${params.seed})`)
  await allure.parameter('fast-check seed', String(params.seed))
  await allure.parameter('cases', String(params.numRuns))
}
