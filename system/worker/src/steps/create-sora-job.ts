import type { Pool } from '../../../db/pool.ts'
import { type StoredVideo, setSoraJob } from '../../../db/videos.ts'
import type { WorkerConfig } from '../../../shared/config.ts'
import { LogEvent } from '../../../shared/log-events.ts'
import type { Logger } from '../../../shared/logger.ts'
import { fail, type Outcome, ok } from '../../../shared/outcome.ts'
import type { SoraVideo } from '../../../shared/schemas/sora.ts'
import type { ReferenceImage, SoraClient, SoraErrorKind } from '../sora-client.ts'

/**
 * Step 2 of the guide: one Sora job per video. A retry finds the job id stored by the first attempt and
 * resumes it, so a video never costs two Sora generations; only a job Sora no longer knows is replaced.
 */
export interface SoraJobDeps {
  pool: Pool
  sora: SoraClient
  log: Logger
  config: Pick<WorkerConfig, 'SORA_MODEL' | 'SORA_SECONDS' | 'SORA_SIZE'>
}

/** The Sora job an earlier attempt created, if any and if Sora still has it (`null` when there is none). */
export async function resumeSoraJob(
  video: StoredVideo,
  deps: SoraJobDeps,
): Promise<Outcome<SoraVideo | null, SoraErrorKind>> {
  if (!video.sora_job_id) return ok(null)
  const found = await deps.sora.retrieveVideo(video.sora_job_id)
  if (found.ok) return found
  if (found.kind === 'not_found') {
    deps.log.warn(
      { event: LogEvent.soraJobCreated, soraJobId: video.sora_job_id, reused: false, detail: found.detail },
      `Sora job ${video.sora_job_id} from an earlier attempt is gone; submitting a new one`,
    )
    return ok(null)
  }
  return found
}

export async function createSoraJob(
  video: StoredVideo,
  image: ReferenceImage | null,
  deps: SoraJobDeps,
): Promise<Outcome<SoraVideo, SoraErrorKind>> {
  const created = await deps.sora.createVideo({
    prompt: video.prompt,
    model: deps.config.SORA_MODEL,
    seconds: deps.config.SORA_SECONDS,
    size: deps.config.SORA_SIZE,
    image,
  })
  if (!created.ok) return fail(created.kind, created.detail)
  await setSoraJob(deps.pool, video.id, created.value.id)
  return created
}
