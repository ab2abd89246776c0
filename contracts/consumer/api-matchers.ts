import { MatchersV3 } from '@pact-foundation/pact'

const { integer, nullValue, regex, string } = MatchersV3

/** What the web frontend relies on in the API's answers, as Pact matchers: types and patterns, not values. */
export const ISO_TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$'
export const VIDEO_URL = '^/uploads/videos/user_\\d+_video_\\d+\\.mp4$'
export const UPLOAD_PATH = '^/uploads/user_\\d+/[0-9a-f-]{36}\\.(jpg|png|webp)$'

/** A syntactically real JWT; the verification swaps in a fresh token of the state's user. */
export const EXAMPLE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXAiOiJhY2Nlc3MiLCJzdWIiOiIxIn0.c2lnbmF0dXJlLW9mLWV4YW1wbGU'
export const bearer = () => ({
  authorization: regex('^Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+$', `Bearer ${EXAMPLE_TOKEN}`),
})

export const timestamp = (example = '2026-01-15T10:30:00.000Z') => regex(ISO_TIMESTAMP, example)

export const GUIDE_PROMPT =
  'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'

const common = (id: number) => ({
  id: integer(id),
  user_id: integer(1),
  prompt: string(GUIDE_PROMPT),
  model: string('sora-2'),
  reference_image_url: nullValue(),
  created_at: timestamp(),
  updated_at: timestamp(),
})

/** A video nobody has started on: no file, no error. */
export const pendingVideo = (id = 123) => ({
  ...common(id),
  video_url: nullValue(),
  poster_url: nullValue(),
  status: 'pending',
  progress: integer(0),
  duration: nullValue(),
  resolution: nullValue(),
  error_message: nullValue(),
})

export const processingVideo = (id = 123) => ({
  ...pendingVideo(id),
  status: 'processing',
  progress: integer(50),
})

/** The guide's finished video: its file under /uploads/videos, 1280x720. */
export const completedVideo = (id = 123) => ({
  ...common(id),
  video_url: regex(VIDEO_URL, `/uploads/videos/user_1_video_${id}.mp4`),
  poster_url: string(`/uploads/videos/user_1_video_${id}.jpg`),
  status: 'completed',
  progress: 100,
  duration: integer(8),
  resolution: '1280x720',
  error_message: nullValue(),
})
