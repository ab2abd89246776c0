import type { Job } from 'bullmq'
import { DelayedError, UnrecoverableError, WaitingError } from 'bullmq'
import type { Pool } from '../../db/pool.ts'
import { getVideo, markFailedAndRefund, markProcessing, setSoraJob } from '../../db/videos.ts'
import type { WorkerConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import type { Logger } from '../../shared/logger.ts'
import { fail, type Outcome, ok } from '../../shared/outcome.ts'
import { GenerateVideoJob, JOB_NAME } from '../../shared/queue.ts'
import { TERMINAL_STATUSES, VIDEO_COST } from '../../shared/schemas/videos.ts'
import { isTransient, userMessage, type VideoFailureKind } from './failures.ts'
import type { SoraClient } from './sora-client.ts'
import { createSoraJob, resumeSoraJob } from './steps/create-sora-job.ts'
import { finishVideo } from './steps/mark-completed.ts'
import { saveContent } from './steps/save-content.ts'
import { waitForSora } from './steps/wait-for-sora.ts'

/** The worker settings the processor reads. */
export type ProcessorConfig = Pick<
  WorkerConfig,
  | 'UPLOADS_DIR'
  | 'IMAGE_ALLOWED_HOSTS'
  | 'MAX_WAIT_SECONDS'
  | 'SORA_POLL_INTERVAL_MS'
  | 'SORA_REQUEST_TIMEOUT_MS'
  | 'SORA_MODEL'
  | 'SORA_SECONDS'
  | 'SORA_SIZE'
>

export interface ProcessorDeps {
  pool: Pool
  sora: SoraClient
  log: Logger
  config: ProcessorConfig
  /** Used for remote reference images; global fetch by default. */
  fetch?: typeof globalThis.fetch
  now?: () => number
}

/** What the processor needs of a BullMQ job (a real `Job` fits; tests may hand-make one). */
export type VideoJob = Pick<Job<unknown>, 'id' | 'data' | 'attemptsMade' | 'opts' | 'updateProgress'> &
  Partial<Pick<Job<unknown>, 'moveToWait' | 'moveToDelayed'>>

/** How long a job whose failure could not be recorded (database down) waits before it runs again. */
export const UNRECORDED_RETRY_MS = 2000

/** Given by the BullMQ worker: the lock token and the signal aborted when the worker shuts down. */
export interface ProcessContext {
  token?: string | undefined
  signal?: AbortSignal | undefined
}

export type ProcessedVideo =
  | {
      status: 'completed'
      videoId: number
      videoUrl: string
      posterUrl: string | null
      bytes: number
      soraJobId: string
    }
  | { status: 'skipped'; videoId: number; reason: string }

type StepsOutcome = Outcome<ProcessedVideo, VideoFailureKind>

const truncate = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n)}...` : s)

async function runSteps(
  payload: GenerateVideoJob,
  job: VideoJob,
  deps: ProcessorDeps,
  log: Logger,
  ctx: ProcessContext,
  startedAt: number,
): Promise<StepsOutcome> {
  const { pool, config } = deps
  const videoId = payload.video_id
  const video = await getVideo(pool, videoId)
  if (!video) return fail('video_missing', `video ${videoId} does not exist`)
  if (video.user_id !== payload.user_id) {
    return fail('invalid_payload', `video ${videoId} does not belong to user ${payload.user_id}`)
  }
  if (TERMINAL_STATUSES.includes(video.status)) {
    return ok({ status: 'skipped', videoId, reason: `already ${video.status}` })
  }

  log.info({ event: LogEvent.jobStarted }, `Starting video generation task for video_id: ${videoId}`)
  log.info(
    {
      event: LogEvent.videoDetails,
      model: video.model,
      prompt: truncate(video.prompt),
      referenceImageUrl: video.reference_image_url,
    },
    `Video details: ID: ${videoId}, User ID: ${video.user_id}, Model: ${video.model}, Prompt: ${truncate(video.prompt)}, Reference Image URL: ${video.reference_image_url ?? 'none'}`,
  )
  log.info({ event: LogEvent.statusProcessing }, 'Updating status to PROCESSING...')
  if (!(await markProcessing(pool, videoId))) {
    return ok({ status: 'skipped', videoId, reason: 'became terminal meanwhile' })
  }

  log.info({ event: LogEvent.soraCallStarted, model: config.SORA_MODEL }, 'Calling OpenAI Sora 2 API...')
  const soraDeps = { sora: deps.sora, log, config }
  const resumed = await resumeSoraJob(video, soraDeps)
  if (!resumed.ok) return resumed
  let soraJob = resumed.value
  if (soraJob) {
    log.info(
      { event: LogEvent.imageFetched, skipped: true },
      'Reference image not needed: resuming the Sora job of an earlier attempt',
    )
    log.info(
      { event: LogEvent.soraJobCreated, soraJobId: soraJob.id, reused: true, attempt: job.attemptsMade + 1 },
      `Resuming Sora job ${soraJob.id} created by an earlier attempt`,
    )
  } else {
    const created = await createSoraJob(video, {
      ...soraDeps,
      images: {
        uploadsDir: config.UPLOADS_DIR,
        allowedHosts: config.IMAGE_ALLOWED_HOSTS,
        timeoutMs: config.SORA_REQUEST_TIMEOUT_MS,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      },
    })
    if (!created.ok) return created
    soraJob = created.value
    // Logged before it is stored: once the id is in the database, a worker killed at once (REL-01 does
    // that) has still said which job it created.
    log.info(
      {
        event: LogEvent.soraJobCreated,
        soraJobId: soraJob.id,
        reused: false,
        model: soraJob.model,
        seconds: soraJob.seconds,
        size: soraJob.size,
      },
      `Sora job submitted, job id: ${soraJob.id}`,
    )
    await setSoraJob(pool, videoId, soraJob.id)
  }

  const done = await waitForSora(soraJob, {
    pool,
    sora: deps.sora,
    log,
    videoId,
    maxWaitSeconds: config.MAX_WAIT_SECONDS,
    pollIntervalMs: config.SORA_POLL_INTERVAL_MS,
    onProgress: (p) => job.updateProgress(p),
    now: deps.now,
    signal: ctx.signal,
  })
  if (!done.ok) return done

  const saved = await saveContent(
    soraJob.id,
    { userId: video.user_id, videoId },
    {
      sora: deps.sora,
      log,
      uploadsDir: config.UPLOADS_DIR,
    },
  )
  if (!saved.ok) return saved

  log.info({ event: LogEvent.generationResult, result: 'completed' }, 'Generation result: completed')
  const finished = await finishVideo(pool, videoId, done.value, saved.value)
  log.info(
    {
      event: LogEvent.jobCompleted,
      localPath: saved.value.videoPath,
      videoUrl: finished.videoUrl,
      posterUrl: finished.posterUrl,
      resolution: finished.resolution,
      duration: finished.duration,
      elapsedMs: (deps.now ?? Date.now)() - startedAt,
    },
    `Video generation COMPLETED! Local path: ${saved.value.videoPath}, URL: ${finished.videoUrl}`,
  )
  return ok({
    status: 'completed',
    videoId,
    videoUrl: finished.videoUrl,
    posterUrl: finished.posterUrl,
    bytes: saved.value.bytes,
    soraJobId: soraJob.id,
  })
}

/** Turns a failed outcome into the error BullMQ gets, failing and refunding the video when it is final. */
async function settleFailure(
  failure: { kind: VideoFailureKind; detail: string },
  payload: GenerateVideoJob,
  job: VideoJob,
  deps: ProcessorDeps,
  log: Logger,
  ctx: ProcessContext,
): Promise<{ error: Error; result: 'released' | 'retrying' | 'failed' }> {
  const attempt = job.attemptsMade + 1
  const maxAttempts = job.opts.attempts ?? 1
  const { kind, detail } = failure

  if (kind === 'released') {
    log.warn(
      { event: LogEvent.jobRetrying, kind, detail, attempt, maxAttempts, released: true },
      'Worker shutting down: job released for another worker',
    )
    if (job.moveToWait && ctx.token) {
      await job.moveToWait(ctx.token)
      return { error: new WaitingError(), result: 'released' }
    }
    return { error: new Error(`${kind}: ${detail}`), result: 'released' }
  }

  if (isTransient(kind) && attempt < maxAttempts) {
    log.warn(
      { event: LogEvent.jobRetrying, kind, detail, attempt, maxAttempts },
      `Attempt ${attempt} of ${maxAttempts} failed (${kind}: ${detail}); retrying with backoff`,
    )
    return { error: new Error(`${kind}: ${detail}`), result: 'retrying' }
  }

  const message = userMessage(kind, detail, deps.config.MAX_WAIT_SECONDS)
  // A payload that does not match its video must not touch that video.
  const ownsVideo = kind !== 'video_missing' && kind !== 'invalid_payload'
  const refunded = ownsVideo && (await markFailedAndRefund(deps.pool, payload.video_id, message))
  log.error(
    { event: LogEvent.jobFailed, kind, detail, attempt, maxAttempts, errorMessage: message },
    `Video generation FAILED: ${message}`,
  )
  if (refunded) {
    log.info(
      { event: LogEvent.videoRefunded, credits: VIDEO_COST },
      `Refunded ${VIDEO_COST} credits to user ${payload.user_id}`,
    )
  }
  return { error: new UnrecoverableError(message), result: 'failed' }
}

/**
 * One video job, start to end, as the guide's worker log tells it. The steps return Outcomes; this is
 * the edge that turns a failure into what BullMQ understands: a plain Error to retry with the job's
 * backoff (transient kinds, not the last attempt), or — after the video is failed and refunded — an
 * UnrecoverableError. Tests call it directly with a real or a hand-made job.
 */
export async function processVideoJob(
  job: VideoJob,
  deps: ProcessorDeps,
  ctx: ProcessContext = {},
): Promise<ProcessedVideo> {
  const now = deps.now ?? Date.now
  const startedAt = now()
  const parsed = GenerateVideoJob.safeParse(job.data)
  if (!parsed.success) {
    deps.log.error(
      { event: LogEvent.jobFailed, jobId: job.id, kind: 'invalid_payload', detail: parsed.error.message },
      `Task ${JOB_NAME}[${job.id}] has an invalid payload`,
    )
    throw new UnrecoverableError(`invalid job payload: ${parsed.error.message}`)
  }
  const payload = parsed.data
  const log = deps.log.child({ jobId: job.id, videoId: payload.video_id, userId: payload.user_id })
  log.info(
    { event: LogEvent.jobReceived, attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 },
    `Task ${JOB_NAME}[${job.id}] received`,
  )

  let outcome: StepsOutcome
  try {
    outcome = await runSteps(payload, job, deps, log, ctx, startedAt)
  } catch (err) {
    log.error({ err }, 'Unexpected error while processing the video')
    outcome = fail('internal', err instanceof Error ? err.message : String(err))
  }

  const elapsedMs = () => now() - startedAt
  if (outcome.ok) {
    const v = outcome.value
    log.info(
      { event: LogEvent.jobFinished, result: v.status, elapsedMs: elapsedMs() },
      v.status === 'completed'
        ? `Task completed successfully! Task finished for video_id: ${payload.video_id}`
        : `Task finished for video_id: ${payload.video_id} (nothing to do: ${v.reason})`,
    )
    return v
  }
  let settled: Awaited<ReturnType<typeof settleFailure>>
  try {
    settled = await settleFailure(outcome, payload, job, deps, log, ctx)
  } catch (err) {
    // The database is unreachable, say: the video is neither failed nor refunded yet. BullMQ retries,
    // and a later attempt settles the video; but on the last attempt BullMQ would fail the job for
    // good and leave the video processing and charged. So the job goes back to the delayed set without
    // using up an attempt, and runs again until the failure (or the video) can be recorded.
    log.error({ err }, 'Could not record the failure; the job will be retried')
    settled = { error: err instanceof Error ? err : new Error(String(err)), result: 'retrying' }
    if (job.moveToDelayed && ctx.token) {
      try {
        await job.moveToDelayed(Date.now() + UNRECORDED_RETRY_MS, ctx.token)
        settled = { error: new DelayedError(), result: 'retrying' }
      } catch {
        // Redis is gone too: the plain error lets BullMQ retry the job once it can.
      }
    }
  }
  log.info(
    { event: LogEvent.jobFinished, result: settled.result, kind: outcome.kind, elapsedMs: elapsedMs() },
    `Task finished for video_id: ${payload.video_id}`,
  )
  throw settled.error
}
