import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { test } from './fixtures.ts'

/** The guide's `max_wait_seconds`: a Sora job that never finishes fails the video once it is exceeded. */
describe('a Sora job that never finishes', () => {
  test('fails the video after MAX_WAIT_SECONDS and refunds it', async ({
    db,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    await sora.fault({ mode: 'never_finish', count: 1 })
    const run = await startWorker({ MAX_WAIT_SECONDS: '2' })
    const video = await newVideo()
    const started = Date.now()
    const result = await run.settle(await run.enqueue(video, { attempts: 3, backoffMs: 50 }))
    const elapsed = Date.now() - started

    expect(result.ok).toBe(false)
    const stored = await getVideo(db.pool, video.id)
    expect(stored?.status).toBe('failed')
    expect(stored?.error_message).toMatch(/did not finish within 2 seconds/)
    expect(await getCredits(db.pool, user.id)).toBe(100)
    // Sora's created_at has one-second resolution: the limit holds to within that second.
    expect(elapsed).toBeGreaterThanOrEqual(1000)
    expect(elapsed).toBeLessThan(6000)
    expect(await sora.creates()).toBe(1)
  })
})
