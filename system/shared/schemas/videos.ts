import { z } from 'zod'

export const VIDEO_COST = 10
export const PROMPT_MIN = 10
export const PROMPT_MAX = 500
export const VideoStatus = z.enum(['pending', 'processing', 'completed', 'failed'])
export type VideoStatus = z.infer<typeof VideoStatus>
export const TERMINAL_STATUSES: readonly VideoStatus[] = ['completed', 'failed']

/** PostgreSQL text cannot hold U+0000: refused here, as invalid input, instead of failing the insert. */
const noNul = (s: string) => !s.includes('\u0000')

export const GenerateVideoRequest = z.object({
  prompt: z.string().trim().min(PROMPT_MIN).max(PROMPT_MAX).refine(noNul, 'must not contain NUL characters'),
  model: z.literal('sora-2').default('sora-2'),
  reference_image_url: z.string().max(2048).refine(noNul, 'must not contain NUL characters').nullish(),
})
export type GenerateVideoRequest = z.infer<typeof GenerateVideoRequest>

export const IdempotencyKey = z.string().min(1).max(255)

export const VideoIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

export const VideoResponse = z.object({
  id: z.number().int().positive(),
  user_id: z.number().int().positive(),
  prompt: z.string(),
  model: z.string(),
  reference_image_url: z.string().nullable(),
  video_url: z.string().nullable(),
  poster_url: z.string().nullable(),
  status: VideoStatus,
  progress: z.number().int().min(0).max(100),
  duration: z.number().nullable(),
  resolution: z.string().nullable(),
  error_message: z.string().nullable(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
})
export type VideoResponse = z.infer<typeof VideoResponse>

export const ListVideosQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  status_filter: VideoStatus.optional(),
})
export type ListVideosQuery = z.infer<typeof ListVideosQuery>

export const VideoListResponse = z.object({
  videos: z.array(VideoResponse),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  page_size: z.number().int().min(1),
})
export type VideoListResponse = z.infer<typeof VideoListResponse>

/** The stream token (POST /videos/{id}/stream-token); a missing one is a 401 like any missing credential. */
export const StreamQuery = z.object({ token: z.string().max(4096).optional() })

/** The `data` of each Server-Sent Event of GET /videos/{id}/stream (event name: `video`). */
export const VideoStreamEvent = VideoResponse

/** Where a completed video lives, relative to the API origin. */
export function videoFileName(userId: number, videoId: number): string {
  return `user_${userId}_video_${videoId}.mp4`
}
export function videoUrlPath(userId: number, videoId: number): string {
  return `/uploads/videos/${videoFileName(userId, videoId)}`
}
export const VIDEO_URL_PATTERN = /^\/uploads\/videos\/user_\d+_video_\d+\.mp4$/
