import { describe, expect } from 'vitest'
import { jobIdFor } from '../../shared/queue.ts'
import { VideoResponse } from '../../shared/schemas/videos.ts'
import { GUIDE_PROMPT, test } from './fixture.ts'

describe('POST /api/v1/videos/generate', () => {
  test('answers 201 with a pending video, charges 10 credits and queues one job for it', async ({ api }) => {
    const { user, auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: auth,
      payload: { prompt: GUIDE_PROMPT, model: 'sora-2' },
    })
    expect(res.statusCode).toBe(201)
    const video = VideoResponse.parse(res.json())
    expect(video).toMatchObject({ status: 'pending', user_id: user.id, prompt: GUIDE_PROMPT, progress: 0 })

    const credits = await api.app.inject({ url: '/api/v1/users/credits', headers: auth })
    expect(credits.json()).toEqual({ credits: 90, user_id: user.id })

    const job = await api.queue.getJob(jobIdFor(video.id))
    expect(job?.data).toMatchObject({ video_id: video.id, user_id: user.id, prompt: GUIDE_PROMPT })
    expect(
      api.logLines.some(
        (l) => l.includes('"event":"video.generate.queued"') && l.includes(`"videoId":${video.id}`),
      ),
    ).toBe(true)
  })

  test('refuses with 402 and the exact detail when credits run out, charging nothing', async ({ api }) => {
    const { user, auth } = await api.signIn()
    const generate = () =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/videos/generate',
        headers: auth,
        payload: { prompt: GUIDE_PROMPT },
      })
    for (let i = 0; i < 10; i++) expect((await generate()).statusCode).toBe(201)
    const refused = await generate()
    expect(refused.statusCode).toBe(402)
    expect(refused.json()).toEqual({ detail: 'Insufficient credits. Required: 10.0, Available: 0.0' })
    const { rows } = await api.pool.query('SELECT count(*)::int AS n FROM videos WHERE user_id = $1', [
      user.id,
    ])
    expect(rows[0].n).toBe(10)
  })

  test('accepts exactly 5 of 20 concurrent requests from a user with 50 credits', async ({ api }) => {
    const { user, auth } = await api.signIn()
    await api.pool.query('UPDATE users SET credits = 50 WHERE id = $1', [user.id])
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.app
          .inject({
            method: 'POST',
            url: '/api/v1/videos/generate',
            headers: auth,
            payload: { prompt: GUIDE_PROMPT },
          })
          .then((r) => r.statusCode),
      ),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 402)).toHaveLength(15)
    const credits = await api.app.inject({ url: '/api/v1/users/credits', headers: auth })
    expect(credits.json().credits).toBe(0)
  })
})
