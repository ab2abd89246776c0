import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { test } from './fixtures.ts'

/** Sora answering 500 every time: every attempt is used, then the video fails and is refunded once. */
describe('a Sora that keeps answering 500', () => {
  test('exhausts the attempts, then fails the video and refunds it once', async ({
    db,
    logs,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    await sora.fault({ mode: 'server_error', count: -1 })
    const run = await startWorker()
    const video = await newVideo()
    const job = await run.enqueue(video, { attempts: 3, backoffMs: 50 })
    const result = await run.settle(job)

    expect(result.ok).toBe(false)
    expect((await run.queue.getJob(job.id!))?.attemptsMade).toBe(3)
    const stored = await getVideo(db.pool, video.id)
    expect(stored?.status).toBe('failed')
    expect(stored?.error_message).toMatch(/unavailable right now.*credits have been refunded/)
    expect(await getCredits(db.pool, user.id)).toBe(100)
    const retries = logs.lines.filter((l) => l.event === LogEvent.jobRetrying && l.videoId === video.id)
    expect(retries.map((l) => l.attempt)).toEqual([1, 2])
    expect(logs.eventsOf(video.id).filter((e) => e === LogEvent.videoRefunded)).toHaveLength(1)
    expect(await sora.creates()).toBe(3)
  })
})
