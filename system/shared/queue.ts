import { z } from 'zod'

/** The BullMQ queue between API and worker: its name, job ids, payload and the worker heartbeat keys. */
export const QUEUE_NAME = 'video-generation'
export const JOB_NAME = 'generate_video_task'

/** One job per video: the id is derived, so a second enqueue of the same video is a no-op. */
export function jobIdFor(videoId: number): string {
  return `video-${videoId}`
}

export const GenerateVideoJob = z.object({
  video_id: z.number().int().positive(),
  user_id: z.number().int().positive(),
  prompt: z.string(),
  model: z.string(),
  reference_image_url: z.string().nullable(),
})
export type GenerateVideoJob = z.infer<typeof GenerateVideoJob>

/** Each worker refreshes its key with a TTL; /health and the doctor count the live ones. */
export function heartbeatKey(prefix: string, workerId: string): string {
  return `${prefix}:workers:${workerId}`
}
export function heartbeatPattern(prefix: string): string {
  return `${prefix}:workers:*`
}
export const HEARTBEAT_TTL_S = 10

/** Options the producer (the API) gives every job; attempts and backoff come from its config. */
export function jobOptions(videoId: number, attempts: number, backoffMs: number) {
  return {
    jobId: jobIdFor(videoId),
    attempts,
    backoff: { type: 'exponential' as const, delay: backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  }
}
