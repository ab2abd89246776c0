import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { LogEvent } from '../../../shared/log-events.ts'
import type { Logger } from '../../../shared/logger.ts'
import { fail, type Outcome, ok } from '../../../shared/outcome.ts'
import { videoFileName, videoUrlPath } from '../../../shared/schemas/videos.ts'
import type { SoraClient, SoraErrorKind } from '../sora-client.ts'

/**
 * Steps 4 and 5 of the guide: prepare `UPLOADS_DIR/videos` and stream the finished video there as
 * `user_{uid}_video_{vid}.mp4`, with its thumbnail beside it as the `.jpg` poster. A missing poster
 * does not fail the video.
 */
export interface SavedContent {
  videoPath: string
  videoUrl: string
  bytes: number
  posterPath: string | null
  posterUrl: string | null
}

export interface SaveDeps {
  sora: SoraClient
  log: Logger
  uploadsDir: string
}

/** The guide's size format: `154624.00 KB`. */
export const formatKb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`

export const posterFileName = (userId: number, videoId: number): string =>
  videoFileName(userId, videoId).replace(/\.mp4$/, '.jpg')

export async function saveContent(
  soraJobId: string,
  ids: { userId: number; videoId: number },
  deps: SaveDeps,
): Promise<Outcome<SavedContent, SoraErrorKind>> {
  const dir = resolve(deps.uploadsDir, 'videos')
  const videoPath = join(dir, videoFileName(ids.userId, ids.videoId))
  await mkdir(dir, { recursive: true })
  deps.log.info(
    { event: LogEvent.outputPrepared, outputDir: dir, outputFile: videoPath },
    `Output directory ${dir} ready; output file ${videoPath}`,
  )

  const video = await deps.sora.downloadContent(soraJobId, 'video', videoPath)
  if (!video.ok) return fail(video.kind, video.detail)

  const posterName = posterFileName(ids.userId, ids.videoId)
  const poster = await deps.sora.downloadContent(soraJobId, 'thumbnail', join(dir, posterName))
  if (!poster.ok) {
    deps.log.warn(
      { soraJobId, kind: poster.kind, detail: poster.detail },
      `No poster for this video: ${poster.detail}`,
    )
  }
  const posterUrl = poster.ok ? `/uploads/videos/${posterName}` : null

  deps.log.info(
    {
      event: LogEvent.fileReady,
      path: videoPath,
      sizeBytes: video.value.bytes,
      size: formatKb(video.value.bytes),
      posterPath: poster.ok ? poster.value.path : null,
    },
    `Video file ready: ${videoPath} (${formatKb(video.value.bytes)})`,
  )
  return ok({
    videoPath,
    videoUrl: videoUrlPath(ids.userId, ids.videoId),
    bytes: video.value.bytes,
    posterPath: poster.ok ? poster.value.path : null,
    posterUrl,
  })
}
