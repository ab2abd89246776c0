import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { test } from './fixtures.ts'

/** One 429 from Sora costs an attempt, not the video: BullMQ retries with backoff and it completes. */
describe('a rate-limited Sora call', () => {
  test('is retried with backoff and the video completes, charged once', async ({
    db,
    logs,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    await sora.fault({ mode: 'rate_limit', count: 1 })
    const run = await startWorker()
    const video = await newVideo()
    const job = await run.enqueue(video, { attempts: 3, backoffMs: 50 })
    const result = await run.settle(job)

    expect(result).toMatchObject({ ok: true, value: { status: 'completed' } })
    expect((await getVideo(db.pool, video.id))?.status).toBe('completed')
    expect((await run.queue.getJob(job.id!))?.attemptsMade).toBe(2)
    expect(await getCredits(db.pool, user.id)).toBe(90)
    const ledger = await db.pool.query(
      'SELECT reason, delta FROM credit_ledger WHERE video_id = $1 ORDER BY id',
      [video.id],
    )
    expect(ledger.rows).toEqual([{ reason: 'generate', delta: -10 }])
    expect(logs.lines.find((l) => l.event === LogEvent.jobRetrying && l.videoId === video.id)).toMatchObject({
      kind: 'rate_limited',
      attempt: 1,
      maxAttempts: 3,
    })
    expect(await sora.jobCount()).toBe(1)
  })
})
