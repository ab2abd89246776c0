import { LogEvent } from '../../shared/log-events.ts'
import type { Logger } from '../../shared/logger.ts'
import type { Job } from './jobs.ts'
import { formatKb, type MediaFile } from './media.ts'
import { GENERATION_FAILED, STEPS, stateAt } from './progression.ts'

type Tracked = { job: Job; loggedProgress: number }

const STEP_PERCENT = 100 / STEPS

export const contentUrl = (jobId: string): string => `/v1/videos/${jobId}/content`

/**
 * The guide's five-step mock block, one structured event per line. Progress lines are caught up from
 * the clock whenever a job is looked at or the shared ticker runs, so each step is logged exactly once
 * and in order, whether or not anyone polls.
 */
export class LogBlock {
  readonly #tracked = new Map<string, Tracked>()

  constructor(
    private readonly log: Logger,
    private readonly sample: MediaFile,
  ) {}

  started(job: Job): void {
    const { prompt, model, seconds, size } = job.request
    const hasImage = job.image !== null
    this.log.info(
      { event: LogEvent.mockParameters, jobId: job.id, prompt, model, seconds, size, has_image: hasImage },
      `Parameters: model=${model}, duration=${seconds}s, resolution=${size}, reference image=${hasImage ? 'yes' : 'no'}`,
    )
    if (job.image) {
      const { bytes, base64Length, mimeType, width, height } = job.image
      this.log.info(
        {
          event: LogEvent.mockStep1Image,
          jobId: job.id,
          imageBytes: bytes,
          base64Length,
          mimeType,
          width,
          height,
          // OpenAI refuses a reference whose pixel size differs from `size`; the mock only reports it.
          matchesSize: width !== null && `${width}x${height}` === size,
        },
        `Step 1: reference image received (${bytes} bytes), encoded to base64 (${base64Length} chars)`,
      )
    }
    this.log.info(
      { event: LogEvent.mockStep2Submitted, jobId: job.id, durationS: job.durationMs / 1000 },
      `Step 2: calling Sora API... job submitted: ${job.id}`,
    )
    this.#tracked.set(job.id, { job, loggedProgress: 0 })
  }

  /** Logs every step the clock has reached since the last call, then forgets finished jobs. */
  catchUp(jobId: string, nowMs: number): void {
    const tracked = this.#tracked.get(jobId)
    if (!tracked) return
    const { job } = tracked
    const state = stateAt(job, nowMs)
    const reached = state.status === 'completed' ? 100 : state.progress
    while (tracked.loggedProgress < reached) {
      tracked.loggedProgress += STEP_PERCENT
      this.log.info(
        { event: LogEvent.mockStep3Progress, jobId, progress: tracked.loggedProgress },
        `Step 3: processing... ${tracked.loggedProgress}%`,
      )
    }
    if (state.status === 'completed') {
      this.#completed(job)
      this.#tracked.delete(jobId)
    } else if (state.status === 'failed') {
      this.log.warn(
        { event: LogEvent.mockFailed, jobId, errorCode: GENERATION_FAILED.code },
        `Failed: ${GENERATION_FAILED.message}`,
      )
      this.#tracked.delete(jobId)
    }
  }

  catchUpAll(nowMs: number): void {
    for (const jobId of [...this.#tracked.keys()]) this.catchUp(jobId, nowMs)
  }

  forget(jobId: string): void {
    this.#tracked.delete(jobId)
  }

  clear(): void {
    this.#tracked.clear()
  }

  #completed(job: Job): void {
    const { path, bytes } = this.sample
    this.log.info(
      { event: LogEvent.mockStep4Output, jobId: job.id, path },
      `Step 4: preparing output: ${path}`,
    )
    this.log.info(
      { event: LogEvent.mockStep5Ready, jobId: job.id, path, sizeBytes: bytes, sizeKb: formatKb(bytes) },
      `Step 5: sample video ready: ${path} (${formatKb(bytes)})`,
    )
    const url = contentUrl(job.id)
    this.log.info({ event: LogEvent.mockDone, jobId: job.id, url }, `Done: video URL ${url}`)
  }
}
