import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { DEFAULT_GOOGLE_CLIENT_ID, DEFAULT_REDIRECT_URI } from '../../system/shared/config.ts'
import { fail, type Outcome, ok } from '../../system/shared/outcome.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { type HttpRequest, http, joinUrl } from '../http.ts'
import { signInByLoginHint } from '../sign-in.ts'
import { GuideVideo, GuideVideoList } from '../target/guide-schemas.ts'
import { DeadlineError, waitFor } from '../wait.ts'

/** What the doctor is pointed at, and what it may do there. */
export interface DoctorOptions {
  apiUrl: string
  /** The frontend: its origin is the one CORS must allow (default http://localhost:8080). */
  webUrl?: string | undefined
  /** When known, Redis is pinged directly; otherwise the API's /health says whether its Redis answers. */
  redisUrl?: string | undefined
  /** mock-google: lets the doctor sign a test user in to find (or make) a finished video. */
  googleUrl?: string | undefined
  /** A finished video's file to check, as in the guide's `curl -I .../uploads/videos/user_1_video_123.mp4`. */
  videoUrl?: string | undefined
  /** Whether the API should run the mock Sora (USE_MOCK_SORA). */
  expectMock: boolean
  /**
   * The reference system, whose settings the doctor knows: its fixes name our variables (CORS_ORIGINS,
   * UPLOADS_DIR…). False for a deployment we do not configure: fixes state what its API does instead.
   */
  reference: boolean
  /** The test user the doctor signs in as. */
  email: string
  googleClientId: string
  redirectUri: string
  /** Budget of one HTTP probe. */
  timeoutMs: number
  /** Budget for generating a video when none is finished yet. */
  generateDeadlineMs: number
}

export const DEFAULT_WEB_ORIGIN = 'http://localhost:8080'

export function defaultOptions(overrides: Partial<DoctorOptions> & { apiUrl: string }): DoctorOptions {
  return {
    expectMock: true,
    reference: true,
    email: 'doctor@example.test',
    googleClientId: DEFAULT_GOOGLE_CLIENT_ID,
    redirectUri: DEFAULT_REDIRECT_URI,
    timeoutMs: 3000,
    generateDeadlineMs: 90_000,
    ...overrides,
  }
}

/**
 * /health as any deployment may answer it: a `status`, and the reference's parts (redis, database,
 * queue, mock_sora, workers) only where the deployment reports them (a static /health has none).
 */
export const SeenHealth = HealthResponse.partial().extend({ status: z.string() }).loose()
export type SeenHealth = z.infer<typeof SeenHealth>

export interface HealthSeen {
  status: number
  ms: number
  health: SeenHealth
}

export interface FinishedVideo {
  /** Absolute URL of the file. */
  fileUrl: string
  /** How it was found: given on the command line, an earlier video of the test user, or made now. */
  source: 'given' | 'found' | 'generated'
  video?: GuideVideo
}

export type FinishedVideoFailure = 'not_asked' | 'sign_in' | 'api' | 'generate_failed' | 'timeout'

/** Shared, memoised look-ups of a doctor run: checks ask; each is fetched once. */
export interface DoctorContext {
  readonly options: DoctorOptions
  health(): Promise<Outcome<HealthSeen, 'unreachable' | 'timeout' | 'not_health'>>
  finishedVideo(): Promise<Outcome<FinishedVideo, FinishedVideoFailure>>
  /** Whether finishedVideo() was already asked (a check may use it only if so). */
  readonly knowsFinishedVideo: boolean
}

export function createDoctorContext(options: DoctorOptions): DoctorContext {
  let health: ReturnType<DoctorContext['health']> | undefined
  let video: ReturnType<DoctorContext['finishedVideo']> | undefined
  return {
    options,
    health: () => {
      health ??= fetchHealth(options)
      return health
    },
    finishedVideo: () => {
      video ??= findFinishedVideo(options)
      return video
    },
    get knowsFinishedVideo() {
      return video !== undefined
    },
  }
}

async function fetchHealth(o: DoctorOptions): ReturnType<DoctorContext['health']> {
  const seen = await http(joinUrl(o.apiUrl, '/health'), { timeoutMs: o.timeoutMs, redirect: 'manual' })
  if (!seen.ok) return seen
  const parsed = SeenHealth.safeParse(seen.value.body)
  if (!parsed.success)
    return fail('not_health', `GET /health answered ${seen.value.status}: ${seen.value.text.slice(0, 200)}`)
  return ok({ status: seen.value.status, ms: seen.value.ms, health: parsed.data })
}

async function findFinishedVideo(o: DoctorOptions): ReturnType<DoctorContext['finishedVideo']> {
  if (o.videoUrl) return ok({ fileUrl: joinUrl(o.apiUrl, o.videoUrl), source: 'given' })
  if (!o.googleUrl)
    return fail(
      'not_asked',
      'no finished video: pass --google URL (mock-google) to find or make one, or --video-url PATH',
    )
  const token = await signIn(o)
  if (!token.ok) return token
  const auth = { authorization: `Bearer ${token.value}` }
  const api = (path: string, req: HttpRequest = {}) =>
    http(joinUrl(o.apiUrl, path), {
      ...req,
      headers: { ...auth, ...req.headers },
      timeoutMs: o.timeoutMs,
      redirect: 'manual',
    })

  const list = await api('/api/v1/videos?status_filter=completed&page_size=1')
  if (!list.ok) return fail('api', list.detail)
  const videos = GuideVideoList.safeParse(list.value.body)
  if (!videos.success) return fail('api', `GET /api/v1/videos answered ${list.value.status}`)
  const done = videos.data.videos.find((v) => v.video_url)
  if (done?.video_url) return ok({ fileUrl: joinUrl(o.apiUrl, done.video_url), source: 'found', video: done })

  const created = await api('/api/v1/videos/generate', {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
    body: {
      prompt: 'A cinematic product showcase with smooth camera movements (doctor check)',
      model: 'sora-2',
    },
  })
  if (!created.ok) return fail('api', created.detail)
  const submitted = GuideVideo.safeParse(created.value.body)
  if (created.value.status !== 201 || !submitted.success)
    return fail(
      'generate_failed',
      `POST /videos/generate answered ${created.value.status}: ${created.value.text}`,
    )
  let last = submitted.data
  try {
    return await waitFor<Outcome<FinishedVideo, FinishedVideoFailure>>(
      async () => {
        const got = await api(`/api/v1/videos/${last.id}`)
        const v = got.ok ? GuideVideo.safeParse(got.value.body) : undefined
        if (!v?.success) return { done: false, seen: got.ok ? `HTTP ${got.value.status}` : got.detail }
        last = v.data
        if (last.status === 'completed' && last.video_url)
          return {
            done: true,
            value: ok({ fileUrl: joinUrl(o.apiUrl, last.video_url), source: 'generated', video: last }),
          }
        if (last.status === 'failed')
          return {
            done: true,
            value: fail('generate_failed', `video ${last.id} failed: ${last.error_message ?? 'no message'}`),
          }
        return { done: false, seen: `${last.status} ${last.progress}%` }
      },
      { deadlineMs: o.generateDeadlineMs, intervalMs: 500, what: `video ${last.id}` },
    )
  } catch (err) {
    if (!(err instanceof DeadlineError)) throw err
    return fail('timeout', `video ${last.id} did not finish: ${err.message}`)
  }
}

async function signIn(o: DoctorOptions): Promise<Outcome<string, 'sign_in'>> {
  const signedIn = await signInByLoginHint({
    apiUrl: o.apiUrl,
    googleUrl: o.googleUrl!,
    email: o.email,
    clientId: o.googleClientId,
    redirectUri: o.redirectUri,
    timeoutMs: o.timeoutMs,
  })
  return signedIn.ok ? ok(signedIn.value.accessToken) : fail('sign_in', signedIn.detail)
}
