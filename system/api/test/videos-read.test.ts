import { describe, expect } from 'vitest'
import { VideoListResponse, VideoResponse } from '../../shared/schemas/videos.ts'
import { GUIDE_PROMPT, test } from './fixture.ts'

describe('reading videos', () => {
  test('GET /videos/{id} returns the owner’s video and 404 with the exact detail to anyone else', async ({
    api,
  }) => {
    const owner = await api.signIn()
    const other = await api.signIn()
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: owner.auth,
      payload: { prompt: GUIDE_PROMPT },
    })
    const id = created.json().id
    const mine = await api.app.inject({ url: `/api/v1/videos/${id}`, headers: owner.auth })
    expect(mine.statusCode).toBe(200)
    expect(VideoResponse.parse(mine.json())).toEqual(created.json())
    const theirs = await api.app.inject({ url: `/api/v1/videos/${id}`, headers: other.auth })
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json()).toEqual({ detail: `Video with id ${id} not found` })
    const list = await api.app.inject({ url: '/api/v1/videos', headers: other.auth })
    expect(list.json()).toEqual({ videos: [], total: 0, page: 1, page_size: 20 })
  })

  test('answers 404 for an id that does not exist and 422 for one that is not a number', async ({ api }) => {
    const { auth } = await api.signIn()
    expect((await api.app.inject({ url: '/api/v1/videos/999999', headers: auth })).json()).toEqual({
      detail: 'Video with id 999999 not found',
    })
    expect((await api.app.inject({ url: '/api/v1/videos/abc', headers: auth })).statusCode).toBe(422)
  })

  test('GET /videos lists newest first, pages, and filters by status', async ({ api }) => {
    const { auth, user } = await api.signIn()
    const ids: number[] = []
    for (let i = 0; i < 3; i++) {
      const r = await api.app.inject({
        method: 'POST',
        url: '/api/v1/videos/generate',
        headers: auth,
        payload: { prompt: `${GUIDE_PROMPT} ${i}` },
      })
      ids.push(r.json().id)
    }
    await api.pool.query(`UPDATE videos SET status = 'failed' WHERE id = $1`, [ids[0]])
    const page1 = VideoListResponse.parse(
      (await api.app.inject({ url: '/api/v1/videos?page=1&page_size=2', headers: auth })).json(),
    )
    expect(page1.videos.map((v) => v.id)).toEqual([ids[2], ids[1]])
    expect(page1.total).toBe(3)
    const page2 = VideoListResponse.parse(
      (await api.app.inject({ url: '/api/v1/videos?page=2&page_size=2', headers: auth })).json(),
    )
    expect(page2.videos.map((v) => v.id)).toEqual([ids[0]])
    const failed = VideoListResponse.parse(
      (await api.app.inject({ url: '/api/v1/videos?status_filter=failed', headers: auth })).json(),
    )
    expect(failed.videos.map((v) => [v.id, v.user_id])).toEqual([[ids[0], user.id]])
    expect(
      (await api.app.inject({ url: '/api/v1/videos?status_filter=done', headers: auth })).statusCode,
    ).toBe(422)
  })
})
