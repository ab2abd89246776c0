import { setTimeout as sleep } from 'node:timers/promises'
import type { Pool } from '../../../db/pool.ts'
import { setProgress } from '../../../db/videos.ts'
import { LogEvent } from '../../../shared/log-events.ts'
import type { Logger } from '../../../shared/logger.ts'
import { fail, type Outcome, ok } from '../../../shared/outcome.ts'
import type { SoraVideo } from '../../../shared/schemas/sora.ts'
import { type SoraClient, type SoraErrorKind, TRANSIENT_SORA_KINDS } from '../sora-client.ts'

/**
 * Step 3 of the guide: poll the Sora job until it is completed or failed, mirroring its progress into
 * the database and the BullMQ job. The wait limit counts from the Sora job's `created_at`, so a retry
 * resumes the same clock instead of starting a new one.
 */
export type WaitFailureKind = SoraErrorKind | 'sora_failed' | 'max_wait_exceeded' | 'released'

/** Consecutive transient poll errors tolerated before the attempt gives up (and BullMQ retries). */
export const MAX_CONSECUTIVE_POLL_ERRORS = 3

export interface WaitDeps {
  pool: Pool
  sora: SoraClient
  log: Logger
  videoId: number
  maxWaitSeconds: number
  pollIntervalMs: number
  onProgress(progress: number): Promise<void>
  now?: () => number
  /** Aborted when the worker shuts down: the wait stops and the job is released for another worker. */
  signal?: AbortSignal | undefined
}

export async function waitForSora(
  start: SoraVideo,
  deps: WaitDeps,
): Promise<Outcome<SoraVideo, WaitFailureKind>> {
  const now = deps.now ?? Date.now
  const deadline = start.created_at * 1000 + deps.maxWaitSeconds * 1000
  let current = start
  let lastProgress = -1
  let errors = 0
  for (;;) {
    if (current.progress !== lastProgress) {
      lastProgress = current.progress
      deps.log.info(
        {
          event: LogEvent.soraJobProgress,
          soraJobId: current.id,
          progress: current.progress,
          soraStatus: current.status,
        },
        `Progress: ${current.progress}% (${current.status})`,
      )
      await setProgress(deps.pool, deps.videoId, current.progress)
      await deps.onProgress(current.progress)
    }
    if (current.status === 'completed') return ok(current)
    if (current.status === 'failed') {
      return fail('sora_failed', current.error?.message ?? 'Sora reported the job as failed')
    }
    const left = deadline - now()
    if (left <= 0) {
      // The status in hand may be stale: the loop itself may have been held up (e.g. progress writes
      // waiting out a Redis outage) while Sora finished. Ask once more before giving up.
      const last = await deps.sora.retrieveVideo(current.id)
      if (last.ok && last.value.status !== current.status) {
        current = last.value
        continue
      }
      return fail(
        'max_wait_exceeded',
        `Sora job ${current.id} still ${current.status} after ${deps.maxWaitSeconds} s`,
      )
    }
    try {
      await sleep(Math.min(deps.pollIntervalMs, left), undefined, { signal: deps.signal })
    } catch {
      return fail('released', 'the worker is shutting down')
    }
    const next = await deps.sora.retrieveVideo(current.id)
    if (next.ok) {
      current = next.value
      errors = 0
      continue
    }
    errors += 1
    if (!TRANSIENT_SORA_KINDS.has(next.kind) || errors >= MAX_CONSECUTIVE_POLL_ERRORS) {
      return fail(next.kind, next.detail)
    }
    deps.log.warn(
      { soraJobId: current.id, kind: next.kind, detail: next.detail, errors },
      `Polling Sora job ${current.id} failed (${next.kind}); trying again`,
    )
  }
}
