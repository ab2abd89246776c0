import type { Pool } from '../../../db/pool.ts'
import { markCompleted } from '../../../db/videos.ts'
import type { SoraVideo } from '../../../shared/schemas/sora.ts'
import type { SavedContent } from './save-content.ts'

/**
 * The last step: the video row becomes `completed` with its URLs. Resolution and duration are what the
 * Sora job was asked for (SORA_SIZE, SORA_SECONDS), read back from the job itself.
 */
export async function finishVideo(pool: Pool, videoId: number, sora: SoraVideo, saved: SavedContent) {
  const done = {
    videoUrl: saved.videoUrl,
    posterUrl: saved.posterUrl,
    duration: Number(sora.seconds),
    resolution: sora.size,
  }
  await markCompleted(pool, videoId, done)
  return done
}
