import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { fail } from '../../shared/outcome.ts'
import type { SoraClient } from '../src/sora-client.ts'
import { test } from './fixtures.ts'

/**
 * A retry after the Sora job exists resumes that job: the video never costs a second generation.
 * Here the first download breaks (a network failure), the attempt is retried, and the retry downloads
 * the same finished job.
 */
describe('a job retried after its Sora job was created', () => {
  test('resumes the stored Sora job instead of creating a second one', async ({
    db,
    logs,
    newVideo,
    sora,
    startWorker,
    user,
  }) => {
    let downloads = 0
    const flaky: SoraClient = {
      ...sora.client,
      downloadContent(id, variant, dest) {
        downloads += 1
        if (downloads === 1) return Promise.resolve(fail('network', 'connection reset by peer'))
        return sora.client.downloadContent(id, variant, dest)
      },
    }
    const run = await startWorker({}, { sora: flaky })
    const video = await newVideo()
    const job = await run.enqueue(video, { attempts: 3, backoffMs: 50 })
    const result = await run.settle(job)

    expect(result).toMatchObject({ ok: true, value: { status: 'completed' } })
    expect((await run.queue.getJob(job.id!))?.attemptsMade).toBe(2)
    const stored = await getVideo(db.pool, video.id)
    expect(stored?.status).toBe('completed')
    expect(await sora.creates()).toBe(1)
    expect(await sora.jobCount()).toBe(1)
    const created = logs.lines.filter((l) => l.event === LogEvent.soraJobCreated && l.videoId === video.id)
    expect(created.map((l) => l.reused)).toEqual([false, true])
    expect(created[1]?.soraJobId).toBe(stored?.sora_job_id)
    expect(await getCredits(db.pool, user.id)).toBe(90)
  })
})
