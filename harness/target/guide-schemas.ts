import { z } from 'zod'
import { CreditsResponse, TokenResponse, UserResponse } from '../../system/shared/schemas/auth.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { UploadImageResponse } from '../../system/shared/schemas/uploads.ts'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'

/**
 * What the guide and HTTP fix about each answer, derived from the reference's strict schemas
 * (system/shared/schemas/): only the fields the guide names are required, extra fields are kept, and a
 * timestamp may be any ISO 8601 one (with or without a zone offset). Guide items and the universal
 * invariants parse with these, so they run on any deployment; how far an answer differs from the strict
 * schema is the conformance check's business (conformance.ts), reported apart.
 */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/
export const AnyIsoTimestamp = z
  .string()
  .refine((s) => ISO_8601.test(s) && !Number.isNaN(Date.parse(s)), 'an ISO 8601 timestamp')

export const GuideUser = UserResponse.pick({ id: true, credits: true })
  .extend({ email: z.string().optional(), created_at: AnyIsoTimestamp.optional() })
  .loose()
export type GuideUser = z.infer<typeof GuideUser>

export const GuideCredits = CreditsResponse.pick({ credits: true }).loose()

export const GuideTokens = TokenResponse.pick({ access_token: true })
  .extend({ refresh_token: z.string().optional() })
  .loose()
export type GuideTokens = z.infer<typeof GuideTokens>

export const GuideVideo = VideoResponse.pick({ id: true, user_id: true, status: true })
  .extend({
    video_url: z.string().nullish(),
    prompt: z.string().optional(),
    progress: z.number().nullish(),
    resolution: z.string().nullish(),
    error_message: z.string().nullish(),
    created_at: AnyIsoTimestamp.optional(),
  })
  .loose()
export type GuideVideo = z.infer<typeof GuideVideo>

export const GuideVideoList = z.looseObject({ videos: z.array(GuideVideo), total: z.number().optional() })

export const GuideUpload = UploadImageResponse.pick({ file_path: true })
  .extend({ file_path: z.string().startsWith('/uploads/') })
  .loose()

/** Every 4xx of the guide's app is FastAPI's `{detail}`; extra fields are allowed. */
export const GuideError = ErrorResponse.loose()
