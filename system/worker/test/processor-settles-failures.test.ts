import { UnrecoverableError, WaitingError } from 'bullmq'
import { describe, expect, vi } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo, markCompleted, setSoraJob } from '../../db/videos.ts'
import { loadWorkerConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { fail, ok } from '../../shared/outcome.ts'
import type { SoraVideo } from '../../shared/schemas/sora.ts'
import { type ProcessorDeps, processVideoJob, type VideoJob } from '../src/processor.ts'
import type { SoraClient } from '../src/sora-client.ts'
import { test } from './fixtures.ts'

/**
 * The processor called directly, with a hand-made job and a scripted Sora client: which failures it
 * retries, which it settles (failed + refunded once), and what it leaves alone.
 */
const config = loadWorkerConfig({ SORA_POLL_INTERVAL_MS: '20', MAX_WAIT_SECONDS: '60' })

const soraVideo = (over: Partial<SoraVideo> = {}): SoraVideo => ({
  id: 'video_abc123',
  object: 'video',
  model: 'sora-2',
  status: 'queued',
  progress: 0,
  created_at: Math.floor(Date.now() / 1000),
  completed_at: null,
  expires_at: null,
  seconds: '8',
  size: '1280x720',
  prompt: 'p',
  remixed_from_video_id: null,
  error: null,
  ...over,
})

/** A Sora client whose every call fails the test unless a test scripts it. */
function scriptedSora(over: Partial<SoraClient> = {}): SoraClient {
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected Sora call: ${name}`)
  }
  return {
    createVideo: unexpected('createVideo'),
    retrieveVideo: unexpected('retrieveVideo'),
    listVideos: unexpected('listVideos'),
    downloadContent: unexpected('downloadContent'),
    ...over,
  }
}

function handMadeJob(video: { id: number; user_id: number }, attemptsMade: number, attempts: number) {
  const job = {
    id: `video-${video.id}`,
    data: {
      video_id: video.id,
      user_id: video.user_id,
      prompt: 'p',
      model: 'sora-2',
      reference_image_url: null,
    },
    attemptsMade,
    opts: { attempts },
    updateProgress: vi.fn(async () => {}),
    moveToWait: vi.fn(async () => 0),
  }
  return job as typeof job & VideoJob
}

describe('the processor settling failures', () => {
  test('does nothing for a video that is already completed', async ({ db, newVideo, logs }) => {
    const video = await newVideo()
    await markCompleted(db.pool, video.id, {
      videoUrl: '/uploads/videos/x.mp4',
      posterUrl: null,
      duration: 8,
      resolution: '1280x720',
    })
    const deps: ProcessorDeps = { pool: db.pool, sora: scriptedSora(), log: logs.logger, config }
    const result = await processVideoJob(handMadeJob(video, 0, 3), deps)
    expect(result).toEqual({ status: 'skipped', videoId: video.id, reason: 'already completed' })
    expect(logs.eventsOf(video.id)).toEqual([LogEvent.jobReceived, LogEvent.jobFinished])
  })

  test('retries a transient Sora failure before the last attempt without failing the video', async ({
    db,
    newVideo,
    logs,
    user,
  }) => {
    const video = await newVideo()
    const sora = scriptedSora({ createVideo: async () => fail('server', 'The server had an error') })
    const error = await processVideoJob(handMadeJob(video, 0, 3), {
      pool: db.pool,
      sora,
      log: logs.logger,
      config,
    }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(UnrecoverableError)
    expect((await getVideo(db.pool, video.id))?.status).toBe('processing')
    expect(await getCredits(db.pool, user.id)).toBe(90)
    expect(logs.lines.find((l) => l.event === LogEvent.jobRetrying)).toMatchObject({
      attempt: 1,
      maxAttempts: 3,
      kind: 'server',
    })
  })

  test('fails and refunds once when the last attempt still meets a transient failure', async ({
    db,
    newVideo,
    logs,
    user,
  }) => {
    const video = await newVideo()
    const sora = scriptedSora({ createVideo: async () => fail('rate_limited', 'Rate limit reached') })
    const deps = { pool: db.pool, sora, log: logs.logger, config }
    const error = await processVideoJob(handMadeJob(video, 2, 3), deps).catch((e: Error) => e)
    expect(error).toBeInstanceOf(UnrecoverableError)
    const stored = await getVideo(db.pool, video.id)
    expect(stored?.status).toBe('failed')
    expect(stored?.error_message).toMatch(/busy right now.*credits have been refunded/)
    expect(await getCredits(db.pool, user.id)).toBe(100)
    // A duplicate delivery of the same last attempt refunds nothing more.
    await processVideoJob(handMadeJob(video, 2, 3), deps)
    expect(await getCredits(db.pool, user.id)).toBe(100)
  })

  test('fails and refunds at once, on the first attempt, when Sora refuses our key', async ({
    db,
    newVideo,
    logs,
    user,
  }) => {
    const video = await newVideo()
    const sora = scriptedSora({ createVideo: async () => fail('unauthorized', 'Incorrect API key provided') })
    const error = await processVideoJob(handMadeJob(video, 0, 5), {
      pool: db.pool,
      sora,
      log: logs.logger,
      config,
    }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(UnrecoverableError)
    expect((await getVideo(db.pool, video.id))?.status).toBe('failed')
    expect(await getCredits(db.pool, user.id)).toBe(100)
    expect(logs.eventsOf(video.id)).toContain(LogEvent.videoRefunded)
  })

  test('gives up without side effects when the video row no longer exists', async ({ db, logs }) => {
    const ghost = { id: 2_000_000_000, user_id: 1 }
    const error = await processVideoJob(handMadeJob(ghost, 0, 3), {
      pool: db.pool,
      sora: scriptedSora(),
      log: logs.logger,
      config,
    }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(UnrecoverableError)
    expect(logs.lines.find((l) => l.event === LogEvent.jobFailed)).toMatchObject({ kind: 'video_missing' })
  })

  test('releases the job for another worker when the worker shuts down mid-wait', async ({
    db,
    newVideo,
    logs,
    user,
  }) => {
    const video = await newVideo()
    const shutdown = new AbortController()
    const sora = scriptedSora({
      createVideo: async () => ok(soraVideo()),
      retrieveVideo: async () => {
        shutdown.abort()
        return ok(soraVideo({ status: 'in_progress', progress: 30 }))
      },
    })
    const job = handMadeJob(video, 0, 3)
    const error = await processVideoJob(
      job,
      { pool: db.pool, sora, log: logs.logger, config },
      { token: 'lock-token', signal: shutdown.signal },
    ).catch((e: Error) => e)
    expect(error).toBeInstanceOf(WaitingError)
    expect(job.moveToWait).toHaveBeenCalledWith('lock-token')
    const stored = await getVideo(db.pool, video.id)
    expect(stored).toMatchObject({ status: 'processing', progress: 30, sora_job_id: 'video_abc123' })
    expect(await getCredits(db.pool, user.id)).toBe(90)
  })

  test('resumes the stored Sora job instead of creating another one', async ({ db, newVideo, logs }) => {
    const video = await newVideo()
    await setSoraJob(db.pool, video.id, 'video_earlier1')
    const retrieved: string[] = []
    const sora = scriptedSora({
      retrieveVideo: async (id) => {
        retrieved.push(id)
        return ok(soraVideo({ id, status: 'failed', progress: 40, error: { code: 'x', message: 'blocked' } }))
      },
    })
    const error = await processVideoJob(handMadeJob(video, 1, 3), {
      pool: db.pool,
      sora,
      log: logs.logger,
      config,
    }).catch((e: Error) => e)
    expect(retrieved[0]).toBe('video_earlier1')
    expect(error).toBeInstanceOf(UnrecoverableError)
    expect((await getVideo(db.pool, video.id))?.error_message).toMatch(
      /^Sora could not generate this video: blocked\. Your 10 credits/,
    )
  })
})
