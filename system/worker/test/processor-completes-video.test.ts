import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { getCredits } from '../../db/users.ts'
import { getVideo } from '../../db/videos.ts'
import { LogEvent, WORKER_SUCCESS_SEQUENCE } from '../../shared/log-events.ts'
import { VideoResponse, videoFileName, videoUrlPath } from '../../shared/schemas/videos.ts'
import { test } from './fixtures.ts'

/** The guide's happy path through a real worker, Redis, PostgreSQL and mock-sora (1 s jobs). */

/** The guide's sequence with consecutive progress events folded into one. */
const folded = (events: string[]) =>
  events.filter((e, i) => !(e === LogEvent.soraJobProgress && events[i - 1] === LogEvent.soraJobProgress))

describe('a video generated end to end', () => {
  test('ends completed with its URL, poster, resolution and duration, and the file on disk', async ({
    db,
    sora,
    newVideo,
    startWorker,
    uploadsDir,
    user,
  }) => {
    const run = await startWorker()
    const video = await newVideo()
    const job = await run.enqueue(video)
    const result = await run.settle(job)
    expect(result).toMatchObject({ ok: true, value: { status: 'completed', videoId: video.id } })

    const stored = await getVideo(db.pool, video.id)
    expect(stored).toMatchObject({
      status: 'completed',
      progress: 100,
      video_url: videoUrlPath(user.id, video.id),
      poster_url: `/uploads/videos/user_${user.id}_video_${video.id}.jpg`,
      resolution: '1280x720',
      duration: 8,
      error_message: null,
    })
    expect(() => VideoResponse.parse({ ...stored, sora_job_id: undefined })).not.toThrow()
    const onDisk = await stat(join(uploadsDir, 'videos', videoFileName(user.id, video.id)))
    expect(onDisk.size).toBe((await stat(sora.sampleVideo)).size)
    expect(await getCredits(db.pool, user.id)).toBe(90)
    expect(await sora.creates()).toBe(1)
  })

  test('logs the guide’s worker sequence, each line carrying the video and user ids', async ({
    logs,
    newVideo,
    startWorker,
    user,
  }) => {
    const run = await startWorker()
    const video = await newVideo()
    const job = await run.enqueue(video)
    await run.settle(job)

    const events = logs.eventsOf(video.id)
    expect(folded(events)).toEqual(WORKER_SUCCESS_SEQUENCE)
    const progress = logs.lines.filter((l) => l.event === LogEvent.soraJobProgress && l.videoId === video.id)
    expect(progress.at(-1)).toMatchObject({ progress: 100, msg: 'Progress: 100% (completed)' })
    for (const line of logs.lines.filter((l) => l.videoId === video.id)) {
      expect(line).toMatchObject({ userId: user.id, jobId: `video-${video.id}` })
    }
    const msg = (event: string) => logs.lines.find((l) => l.event === event && l.videoId === video.id)?.msg
    expect(msg(LogEvent.jobStarted)).toBe(`Starting video generation task for video_id: ${video.id}`)
    expect(msg(LogEvent.statusProcessing)).toBe('Updating status to PROCESSING...')
    expect(msg(LogEvent.soraCallStarted)).toBe('Calling OpenAI Sora 2 API...')
    expect(msg(LogEvent.generationResult)).toBe('Generation result: completed')
    expect(msg(LogEvent.jobCompleted)).toMatch(/^Video generation COMPLETED!/)
    expect(msg(LogEvent.jobFinished)).toBe(
      `Task completed successfully! Task finished for video_id: ${video.id}`,
    )
    expect(logs.lines.find((l) => l.event === LogEvent.fileReady && l.videoId === video.id)).toMatchObject({
      size: expect.stringMatching(/^\d+\.\d{2} KB$/),
    })
  })

  test('mirrors Sora’s progress into the BullMQ job', async ({ newVideo, startWorker }) => {
    const run = await startWorker()
    const video = await newVideo()
    const job = await run.enqueue(video)
    await run.settle(job)
    expect((await run.queue.getJob(job.id!))?.progress).toBe(100)
  })

  test('sends the user’s uploaded reference image along with the prompt', async ({
    db,
    logs,
    newVideo,
    startWorker,
    uploadsDir,
    user,
  }) => {
    const name = `${randomUUID()}.png`
    await mkdir(join(uploadsDir, `user_${user.id}`), { recursive: true })
    await copyFile('fixtures/presets/preset-1.png', join(uploadsDir, `user_${user.id}`, name))
    const run = await startWorker()
    const video = await newVideo(`/uploads/user_${user.id}/${name}`)
    const result = await run.settle(await run.enqueue(video))
    expect(result.ok).toBe(true)
    expect((await getVideo(db.pool, video.id))?.status).toBe('completed')
    expect(logs.lines.find((l) => l.event === LogEvent.imageFetched && l.videoId === video.id)).toMatchObject(
      {
        mime: 'image/png',
        sizeBytes: (await stat('fixtures/presets/preset-1.png')).size,
      },
    )
  })
})
