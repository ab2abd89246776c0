import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'
import request from 'supertest'
import { REPO_ROOT } from '../../harness/stack/services.ts'
import { GuideUpload, GuideVideo } from '../../harness/target/guide-schemas.ts'
import { waitFor } from '../../harness/wait.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import type { SignedInUser } from './sign-in.ts'

/** A preset image of the fixtures, uploaded as the guide's "upload a local image" step does. */
export const REFERENCE_IMAGE = resolve(REPO_ROOT, 'fixtures/presets/preset-1.png')

/** The guide's example prompt. */
export const GUIDE_PROMPT =
  'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'

export interface Submitted {
  status: number
  video: GuideVideo
  /** When the 201 arrived (ms since epoch). */
  at: number
}

/** POST /videos/generate as the frontend sends it; the response must be a 201 VideoResponse. */
export async function generate(
  apiUrl: string,
  user: SignedInUser,
  body: Record<string, unknown> = { prompt: GUIDE_PROMPT, model: 'sora-2' },
): Promise<Submitted> {
  const res = await request(apiUrl)
    .post('/api/v1/videos/generate')
    .set(user.auth)
    .set('idempotency-key', randomUUID())
    .send(body)
  const at = Date.now()
  if (res.status !== 201) throw new Error(`POST /videos/generate answered ${res.status}: ${res.text}`)
  return { status: res.status, video: GuideVideo.parse(res.body), at }
}

/** How long a video may take here: the mock's time plus the worker's poll and the file copy, with room. */
export function completionBudgetMs(suite: SuiteTarget): number {
  return suite.mode === 'target' ? 20 * 60_000 : suite.soraDurationS * 1000 + 30_000
}

/** Polls GET /videos/{id} until it is completed (a failed video fails the wait at once). */
export async function waitForCompleted(
  suite: SuiteTarget,
  user: SignedInUser,
  id: number,
  apiUrl = suite.apiUrl,
): Promise<GuideVideo> {
  const v = await waitFor(
    async () => {
      const res = await request(apiUrl).get(`/api/v1/videos/${id}`).set(user.auth)
      if (res.status !== 200) return { done: false, seen: `HTTP ${res.status} ${res.text}` }
      const seen = GuideVideo.parse(res.body)
      return seen.status === 'completed' || seen.status === 'failed'
        ? { done: true, value: seen }
        : { done: false, seen: `${seen.status} ${seen.progress}%` }
    },
    { deadlineMs: completionBudgetMs(suite), intervalMs: 250, what: `video ${id} completed` },
  )
  if (v.status === 'failed') throw new Error(`video ${id} failed: ${v.error_message}`)
  return v
}

export interface CompletedRun {
  submitted: Submitted
  completed: GuideVideo
  /** From the 201 to the first poll that saw it completed. */
  pollMs: number
}

/** POST /upload/image with a file; answers the `file_path` (`/uploads/user_{id}/{uuid}.png`). */
export async function uploadImage(
  apiUrl: string,
  user: SignedInUser,
  file = REFERENCE_IMAGE,
): Promise<string> {
  const res = await request(apiUrl).post('/api/v1/upload/image').set(user.auth).attach('file', file)
  if (res.status !== 200) throw new Error(`POST /upload/image answered ${res.status}: ${res.text}`)
  return GuideUpload.parse(res.body).file_path
}

/**
 * The guide's generate body, with an uploaded reference image wherever the target takes uploads: a
 * deployment may fail a video without one (the original app does), which is not what a test of
 * charging, faults or duplicates is about.
 */
export async function guideBody(suite: SuiteTarget, user: SignedInUser): Promise<Record<string, unknown>> {
  const image = suite.capabilities.uploads.offered ? await uploadImage(suite.apiUrl, user) : undefined
  return { prompt: GUIDE_PROMPT, model: 'sora-2', ...(image ? { reference_image_url: image } : {}) }
}

/** The guide's walk for one video: upload an image, generate with it and the prompt, poll until completed. */
export async function generateAndComplete(
  suite: SuiteTarget,
  user: SignedInUser,
  prompt = GUIDE_PROMPT,
): Promise<CompletedRun> {
  const image = await uploadImage(suite.apiUrl, user)
  const submitted = await generate(suite.apiUrl, user, {
    prompt,
    model: 'sora-2',
    reference_image_url: image,
  })
  const completed = await waitForCompleted(suite, user, submitted.video.id)
  return { submitted, completed, pollMs: Date.now() - submitted.at }
}
