import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { test } from './fixtures.ts'
import { waitUntil } from './wait-until.ts'

/**
 * A graceful stop does not wait out a long Sora job: after the grace period the job goes back to the
 * queue, unharmed (no attempt used, nothing refunded), and the next worker resumes the same Sora job.
 */
describe('closing a worker with a job in progress', () => {
  test('releases the job after the grace period to a worker that finishes it', async ({
    db,
    logs,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    await sora.fault({ mode: 'slow', count: 1, duration_s: 3 })
    const first = await startWorker()
    const video = await newVideo()
    const job = await first.enqueue(video, { attempts: 3, backoffMs: 50 })
    await waitUntil(
      async () => {
        const v = await getVideo(db.pool, video.id)
        return v?.sora_job_id ? true : `status ${v?.status}, no Sora job yet`
      },
      { deadlineMs: 10_000, what: 'the Sora job to be created' },
    )

    await first.worker.close({ graceMs: 200 })
    expect(await first.queue.getJobState(job.id!)).toBe('waiting')
    expect((await first.queue.getJob(job.id!))?.attemptsMade).toBe(0)
    expect((await getVideo(db.pool, video.id))?.status).toBe('processing')
    expect(logs.lines.find((l) => l.event === LogEvent.jobRetrying && l.videoId === video.id)).toMatchObject({
      released: true,
    })

    const second = await startWorker({ QUEUE_PREFIX: first.config.QUEUE_PREFIX })
    const result = await second.settle(job)
    expect(result).toMatchObject({ ok: true, value: { status: 'completed' } })
    expect(await sora.creates()).toBe(1)
    expect(await getCredits(db.pool, user.id)).toBe(90)
  })
})
