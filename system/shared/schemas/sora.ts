import { z } from 'zod'

/**
 * OpenAI's Videos API (Sora 2) wire format, as published. The worker's client parses with these,
 * mock-sora answers with them, and the contract tests check the mock against them.
 */
export const SoraModel = z.enum(['sora-2', 'sora-2-pro'])
export const SoraSeconds = z.enum(['4', '8', '12'])
export const SoraSize = z.enum(['720x1280', '1280x720', '1024x1792', '1792x1024'])
export const SoraStatus = z.enum(['queued', 'in_progress', 'completed', 'failed'])
export type SoraStatus = z.infer<typeof SoraStatus>

/** Body of POST /v1/videos (JSON, or multipart with `input_reference` as a file). */
export const SoraCreateRequest = z.object({
  prompt: z.string().min(1).max(32_000),
  model: SoraModel.default('sora-2'),
  seconds: SoraSeconds.default('4'),
  size: SoraSize.default('720x1280'),
})
export type SoraCreateRequest = z.infer<typeof SoraCreateRequest>

export const SoraRemixRequest = z.object({ prompt: z.string().min(1).max(32_000) })

export const SoraVideoError = z.object({ code: z.string(), message: z.string() })

export const SoraVideo = z.object({
  id: z.string().regex(/^video_[A-Za-z0-9]+$/),
  object: z.literal('video'),
  model: SoraModel,
  status: SoraStatus,
  progress: z.number().int().min(0).max(100),
  created_at: z.number().int(),
  completed_at: z.number().int().nullable(),
  expires_at: z.number().int().nullable(),
  seconds: SoraSeconds,
  size: SoraSize,
  prompt: z.string().nullable(),
  remixed_from_video_id: z.string().nullable(),
  error: SoraVideoError.nullable(),
})
export type SoraVideo = z.infer<typeof SoraVideo>

export const SoraVideoList = z.object({
  object: z.literal('list'),
  data: z.array(SoraVideo),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
  has_more: z.boolean(),
})
export type SoraVideoList = z.infer<typeof SoraVideoList>

export const SoraListQuery = z.object({
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('desc'),
})

export const SoraDeleted = z.object({
  id: z.string(),
  object: z.literal('video.deleted'),
  deleted: z.literal(true),
})

export const SoraContentQuery = z.object({
  variant: z.enum(['video', 'thumbnail', 'spritesheet']).default('video'),
})

/** OpenAI's error envelope, e.g. 401 invalid_api_key, 429 rate_limit_exceeded. */
export const OpenAIError = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable(),
    code: z.string().nullable(),
  }),
})
export type OpenAIError = z.infer<typeof OpenAIError>
