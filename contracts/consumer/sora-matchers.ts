import { MatchersV3 } from '@pact-foundation/pact'
import { SORA_VIDEO_ID } from '../provider-states.ts'

const { fromProviderState, integer, nullValue, regex, string } = MatchersV3

/** What the worker relies on in OpenAI's Videos API answers (system/shared/schemas/sora.ts), as matchers. */
export const SORA_ID = '^video_[A-Za-z0-9]+$'
export const EXAMPLE_SORA_ID = 'video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5'
export const SORA_MODEL = '^sora-2(-pro)?$'
export const SORA_SECONDS = '^(4|8|12)$'
export const SORA_SIZE = '^(720x1280|1280x720|1024x1792|1792x1024)$'

export const WORKER_PROMPT =
  'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'

/** A path with the id of the job the provider state made, e.g. `/v1/videos/${soraVideoId}`. */
export const jobPath = (suffix = '') =>
  fromProviderState(`/v1/videos/\${${SORA_VIDEO_ID}}${suffix}`, `/v1/videos/${EXAMPLE_SORA_ID}${suffix}`)

const job = {
  id: regex(SORA_ID, EXAMPLE_SORA_ID),
  object: 'video',
  model: regex(SORA_MODEL, 'sora-2'),
  created_at: integer(1_767_261_600),
  seconds: regex(SORA_SECONDS, '8'),
  size: regex(SORA_SIZE, '1280x720'),
  prompt: string(WORKER_PROMPT),
  remixed_from_video_id: nullValue(),
}

export const queuedJob = () => ({
  ...job,
  status: 'queued',
  progress: integer(0),
  completed_at: nullValue(),
  expires_at: nullValue(),
  error: nullValue(),
})

export const inProgressJob = () => ({ ...queuedJob(), status: 'in_progress', progress: integer(50) })

export const completedJob = () => ({
  ...job,
  status: 'completed',
  progress: 100,
  completed_at: integer(1_767_261_610),
  expires_at: integer(1_767_265_210),
  error: nullValue(),
})

export const failedJob = () => ({
  ...queuedJob(),
  status: 'failed',
  progress: integer(90),
  error: { code: string('video_generation_failed'), message: string('Video generation failed.') },
})

/** OpenAI's error envelope: `{error: {message, type, param, code}}`. */
export const openAIError = (type: string, code: string | null, message: string) => ({
  error: { message: string(message), type: string(type), param: nullValue(), code },
})
