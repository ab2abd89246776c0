import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { test } from './fixtures.ts'

/** A Sora job that ends `failed` fails the video at once and refunds it exactly once. */
describe('a Sora job that fails', () => {
  test('fails the video with a readable message and gives the 10 credits back once', async ({
    db,
    logs,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    await sora.fault({ mode: 'fail', count: 1 })
    const run = await startWorker()
    const video = await newVideo()
    const result = await run.settle(await run.enqueue(video, { attempts: 3, backoffMs: 50 }))

    expect(result.ok).toBe(false)
    const stored = await getVideo(db.pool, video.id)
    expect(stored?.status).toBe('failed')
    expect(stored?.error_message).toMatch(
      /^Sora could not generate this video: [^.]+\([^)]*\)\. Your 10 credits have been refunded\.$/,
    )
    expect(await getCredits(db.pool, user.id)).toBe(100)
    const refunds = await db.pool.query(
      `SELECT count(*)::int AS n FROM credit_ledger WHERE video_id = $1 AND reason = 'refund'`,
      [video.id],
    )
    expect(refunds.rows[0].n).toBe(1)
    // Not retried: a failed generation would fail again and cost a second Sora job.
    expect(await sora.creates()).toBe(1)
    expect(logs.eventsOf(video.id)).not.toContain(LogEvent.jobRetrying)
    expect(logs.eventsOf(video.id).slice(-3)).toEqual([
      LogEvent.jobFailed,
      LogEvent.videoRefunded,
      LogEvent.jobFinished,
    ])
  })
})
