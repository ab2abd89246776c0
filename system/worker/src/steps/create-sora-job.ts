import type { StoredVideo } from '../../../db/videos.ts'
import type { WorkerConfig } from '../../../shared/config.ts'
import { LogEvent } from '../../../shared/log-events.ts'
import type { Logger } from '../../../shared/logger.ts'
import { type Outcome, ok } from '../../../shared/outcome.ts'
import type { GenerateVideoJob } from '../../../shared/queue.ts'
import type { SoraVideo } from '../../../shared/schemas/sora.ts'
import type { SoraClient, SoraErrorKind } from '../sora-client.ts'
import { type FetchImageDeps, fetchReferenceImage, type ImageFailureKind } from './fetch-reference-image.ts'
import { formatKb } from './save-content.ts'

/**
 * Step 2 of the guide: one Sora job per video. A retry finds the job id the first attempt stored and
 * resumes it, so a video never costs two Sora generations; only a job Sora no longer knows is replaced.
 */
export interface SoraJobDeps {
  sora: SoraClient
  log: Logger
  config: Pick<WorkerConfig, 'SORA_MODEL' | 'SORA_SECONDS' | 'SORA_SIZE'>
}

/** What a new Sora job is made of: the job's prompt and reference image, and whose upload that may be. */
export type SoraJobSource = Pick<GenerateVideoJob, 'user_id' | 'prompt' | 'reference_image_url'>

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

/**
 * A new Sora job: the reference image the job names, if any, fetched (step 1) and sent with the prompt
 * as `input_reference`; without one, text to video. The caller stores the job's id.
 */
export async function createSoraJob(
  source: SoraJobSource,
  deps: SoraJobDeps & { images: FetchImageDeps },
): Promise<Outcome<SoraVideo, SoraErrorKind | ImageFailureKind>> {
  const image = await fetchReferenceImage(source.reference_image_url, source.user_id, deps.images)
  if (!image.ok) return image
  deps.log.info(
    {
      event: LogEvent.imageFetched,
      referenceImageUrl: source.reference_image_url,
      mime: image.value?.mime ?? null,
      sizeBytes: image.value?.bytes.length ?? 0,
    },
    image.value
      ? `Reference image fetched: ${image.value.mime}, ${formatKb(image.value.bytes.length)}`
      : 'No reference image: text to video',
  )
  return deps.sora.createVideo({
    prompt: source.prompt,
    model: deps.config.SORA_MODEL,
    seconds: deps.config.SORA_SECONDS,
    size: deps.config.SORA_SIZE,
    image: image.value,
  })
}
