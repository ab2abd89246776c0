import { afterEach, beforeEach, describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { test } from './fixtures.ts'
import { type Listener, PNG_BYTES, startListener } from './http-listener.ts'

/** A reference image on a host off the allow list is never fetched: the video fails and is refunded. */
let outsider: Listener
beforeEach(async () => {
  outsider = await startListener((_req, res) => {
    res.setHeader('content-type', 'image/png')
    res.end(PNG_BYTES)
  })
})
afterEach(() => outsider.close())

describe('a reference image on a host that is not allowed', () => {
  test('fails the video and refunds it without a request to that host or to Sora', async ({
    db,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    const run = await startWorker({ IMAGE_ALLOWED_HOSTS: 'images.example.test' })
    const video = await newVideo(outsider.url('/cat.png'))
    const result = await run.settle(await run.enqueue(video, { attempts: 3, backoffMs: 50 }))

    expect(result.ok).toBe(false)
    const stored = await getVideo(db.pool, video.id)
    expect(stored?.status).toBe('failed')
    expect(stored?.error_message).toMatch(/^The reference image cannot be used: host 127\.0\.0\.1:\d+ is not/)
    expect(await getCredits(db.pool, user.id)).toBe(100)
    expect(outsider.requests).toEqual([])
    expect(await sora.creates()).toBe(0)
  })
})
