import { describe, expect } from 'vitest'
import { markCompleted, markProcessing, setProgress } from '../../db/videos.ts'
import { VideoResponse } from '../../shared/schemas/videos.ts'
import { GUIDE_PROMPT, test } from './fixture.ts'

/** Reads `event: video` frames from an SSE body until it ends. */
async function* sseVideos(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder()
  let buffer = ''
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let end = buffer.indexOf('\n\n')
    while (end >= 0) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = frame.split('\n').find((l) => l.startsWith('data: '))
      if (frame.startsWith('event: video') && data) yield VideoResponse.parse(JSON.parse(data.slice(6)))
      end = buffer.indexOf('\n\n')
    }
  }
}

describe('GET /api/v1/videos/{id}/stream', () => {
  test('pushes the current state, each change, and ends after completion', async ({ api }) => {
    const { auth } = await api.signIn()
    const video = (
      await api.app.inject({
        method: 'POST',
        url: '/api/v1/videos/generate',
        headers: auth,
        payload: { prompt: GUIDE_PROMPT },
      })
    ).json()
    const { token } = (
      await api.app.inject({ method: 'POST', url: `/api/v1/videos/${video.id}/stream-token`, headers: auth })
    ).json()
    const base = await api.app.listen({ port: 0, host: '127.0.0.1' })
    const res = await fetch(`${base}/api/v1/videos/${video.id}/stream?token=${token}`)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const seen: string[] = []
    for await (const v of sseVideos(res.body!)) {
      seen.push(`${v.status}:${v.progress}`)
      // Each change is made only after the previous one arrived: the stream, not timing, drives the test.
      if (seen.length === 1) await markProcessing(api.pool, video.id)
      if (seen.length === 2) await setProgress(api.pool, video.id, 50)
      if (seen.length === 3)
        await markCompleted(api.pool, video.id, {
          videoUrl: '/uploads/videos/x.mp4',
          posterUrl: null,
          duration: 8,
          resolution: '1280x720',
        })
    }
    expect(seen).toEqual(['pending:0', 'processing:0', 'processing:50', 'completed:100'])
    expect(api.logLines.join('\n')).not.toContain(token)
  })

  test('refuses a missing or wrong token, an access token, and another video’s token', async ({ api }) => {
    const { auth, token: access } = await api.signIn()
    const gen = () =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/videos/generate',
        headers: auth,
        payload: { prompt: GUIDE_PROMPT },
      })
    const a = (await gen()).json()
    const b = (await gen()).json()
    const tokenB = (
      await api.app.inject({ method: 'POST', url: `/api/v1/videos/${b.id}/stream-token`, headers: auth })
    ).json().token
    // A missing token is a missing credential: 401 like a wrong one (not a 422 about the query).
    expect((await api.app.inject({ url: `/api/v1/videos/${a.id}/stream` })).statusCode).toBe(401)
    expect((await api.app.inject({ url: `/api/v1/videos/${a.id}/stream?token=` })).statusCode).toBe(401)
    expect((await api.app.inject({ url: `/api/v1/videos/${a.id}/stream?token=nope` })).statusCode).toBe(401)
    expect((await api.app.inject({ url: `/api/v1/videos/${a.id}/stream?token=${access}` })).statusCode).toBe(
      401,
    )
    expect((await api.app.inject({ url: `/api/v1/videos/${a.id}/stream?token=${tokenB}` })).statusCode).toBe(
      404,
    )
  })

  test('gives no stream token for another user’s video', async ({ api }) => {
    const owner = await api.signIn()
    const other = await api.signIn()
    const v = (
      await api.app.inject({
        method: 'POST',
        url: '/api/v1/videos/generate',
        headers: owner.auth,
        payload: { prompt: GUIDE_PROMPT },
      })
    ).json()
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${v.id}/stream-token`,
      headers: other.auth,
    })
    expect(res.statusCode).toBe(404)
  })
})
