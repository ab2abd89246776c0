import { Queue } from 'bullmq'
import { describe, expect, onTestFinished } from 'vitest'
import { getVideo } from '../../db/videos.ts'
import { JOB_NAME, jobOptions, QUEUE_NAME } from '../../shared/queue.ts'
import { test } from './fixtures.ts'
import { waitUntil } from './wait-until.ts'
import { spawnWorkerProcess } from './worker-process.ts'

/**
 * A worker SIGKILLed in the middle of a job: its lock expires, another worker's stalled check moves
 * the job back to the queue, and that worker finishes it on the same Sora job.
 */
const FAST_RECOVERY = { LOCK_DURATION_MS: '1000', STALLED_INTERVAL_MS: '500' }

describe('a worker killed mid-job', () => {
  test('leaves its job to another worker, which completes it on the same Sora job', async ({
    db,
    newVideo,
    sora,
    startWorker,
    workerEnv,
  }) => {
    await sora.fault({ mode: 'slow', count: 1, duration_s: 4 })
    const queue = new Queue(QUEUE_NAME, {
      connection: { url: workerEnv.REDIS_URL! },
      prefix: workerEnv.QUEUE_PREFIX!,
    })
    onTestFinished(() => queue.close())
    const doomed = spawnWorkerProcess({ ...workerEnv, ...FAST_RECOVERY })
    onTestFinished(() => doomed.kill())

    const video = await newVideo()
    const job = await queue.add(
      JOB_NAME,
      {
        video_id: video.id,
        user_id: video.user_id,
        prompt: video.prompt,
        model: video.model,
        reference_image_url: null,
      },
      jobOptions(video.id, 3, 50),
    )
    await waitUntil(
      async () => {
        const v = await getVideo(db.pool, video.id)
        return v?.sora_job_id ? true : `status ${v?.status}, no Sora job yet`
      },
      { deadlineMs: 20_000, what: 'the first worker to create the Sora job' },
    )
    doomed.child.kill('SIGKILL')
    expect(await doomed.exited).toBe('SIGKILL')
    expect((await getVideo(db.pool, video.id))?.status).toBe('processing')

    const rescuer = await startWorker(FAST_RECOVERY)
    const result = await rescuer.settle(job, 30_000)
    expect(result).toMatchObject({ ok: true, value: { status: 'completed' } })
    expect((await getVideo(db.pool, video.id))?.status).toBe('completed')
    expect(await sora.creates()).toBe(1)
  })
})
