import { expect, test } from 'vitest'
import { freePort } from '../../../harness/stack/ports.ts'
import { upsertGoogleUser } from '../../db/users.ts'
import { createTokenService } from '../src/services/tokens.ts'
import { GUIDE_PROMPT, JWT_SECRET, startApi, testEnv } from './fixture.ts'

test('answers 503 when the queue is unreachable, leaving no row and no charge', async () => {
  // Nothing listens on this port: the queue's Redis is down.
  const env = await testEnv({ REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` })
  const { app, logLines } = await startApi(env.config, env.db.pool)
  try {
    const user = await upsertGoogleUser(env.db.pool, {
      sub: 's',
      email: 'down@example.test',
      name: 'D',
      picture: null,
    })
    const token = await createTokenService(JWT_SECRET).sign({ userId: user.id, kind: 'access' }, 600)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: { authorization: `Bearer ${token}` },
      payload: { prompt: GUIDE_PROMPT },
    })
    expect(res.statusCode).toBe(503)
    expect(res.json().detail).toMatch(/nothing was charged/)
    const videos = await env.db.pool.query('SELECT count(*)::int AS n FROM videos')
    expect(videos.rows[0].n).toBe(0)
    const ledger = await env.db.pool.query(
      'SELECT sum(delta)::float AS s FROM credit_ledger WHERE user_id = $1',
      [user.id],
    )
    expect(ledger.rows[0].s).toBe(100)
    const credits = await app.inject({
      url: '/api/v1/users/credits',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(credits.json().credits).toBe(100)
    expect(logLines.some((l) => l.includes('"event":"video.generate.queue_unavailable"'))).toBe(true)

    const health = await app.inject({ url: '/health' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toMatchObject({
      status: 'degraded',
      redis: 'error',
      queue: 'error',
      database: 'ok',
    })
  } finally {
    await app.close()
    await env.cleanup()
  }
})
