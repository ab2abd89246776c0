import { randomUUID } from 'node:crypto'
import { CreditsResponse } from '../system/shared/schemas/auth.ts'
import { type VideoResponse, VideoResponse as VideoSchema } from '../system/shared/schemas/videos.ts'
import { must } from './must.ts'
import { signInByLoginHint } from './sign-in.ts'
import { waitFor } from './wait.ts'

/**
 * The guide's walk without a browser: sign in through mock-google (`login_hint` + `prompt=none`),
 * exchange the code at the API, generate, poll until done, then fetch the file as a player would.
 * Every step returns what it measured; the caller decides what passes.
 */
export interface ScriptedUserResult {
  email: string
  creditsBefore: number
  creditsAfterSubmit: number
  submitted: VideoResponse
  completed: VideoResponse
  /** From the 201 to the first poll that saw `completed`. */
  generationMs: number
  head: { status: number; contentType: string | null; contentLength: number }
  range: { status: number; contentRange: string | null; bytes: number }
}

export interface ScriptedUserOptions {
  apiUrl: string
  googleUrl: string
  clientId?: string
  redirectUri?: string
  email?: string
  prompt?: string
  pollIntervalMs?: number
  deadlineMs?: number
}

async function json<T>(res: Response, schema: { parse(v: unknown): T }, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`)
  return schema.parse(await res.json())
}

export async function runScriptedUser(opts: ScriptedUserOptions): Promise<ScriptedUserResult> {
  const email = opts.email ?? `scripted-${randomUUID().slice(0, 8)}@example.com`
  const { auth } = must(await signInByLoginHint({ ...opts, email }), 'sign-in')
  const credits = async () =>
    (
      await json(
        await fetch(`${opts.apiUrl}/api/v1/users/credits`, { headers: auth }),
        CreditsResponse,
        'credits',
      )
    ).credits
  const creditsBefore = await credits()
  const submitted = await json(
    await fetch(`${opts.apiUrl}/api/v1/videos/generate`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        prompt:
          opts.prompt ??
          'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors',
        model: 'sora-2',
      }),
    }),
    VideoSchema,
    'POST /videos/generate',
  )
  const submittedAt = Date.now()
  const creditsAfterSubmit = await credits()
  const completed = await waitFor(
    async () => {
      const v = await json(
        await fetch(`${opts.apiUrl}/api/v1/videos/${submitted.id}`, { headers: auth }),
        VideoSchema,
        'GET /videos/{id}',
      )
      if (v.status === 'failed') throw new Error(`video ${v.id} failed: ${v.error_message}`)
      return v.status === 'completed'
        ? { done: true, value: v }
        : { done: false, seen: `${v.status} ${v.progress}%` }
    },
    {
      deadlineMs: opts.deadlineMs ?? 60_000,
      intervalMs: opts.pollIntervalMs ?? 250,
      what: `video ${submitted.id}`,
    },
  )
  const generationMs = Date.now() - submittedAt
  const fileUrl = `${opts.apiUrl}${completed.video_url}`
  const head = await fetch(fileUrl, { method: 'HEAD' })
  const range = await fetch(fileUrl, { headers: { range: 'bytes=0-1023' } })
  const rangeBytes = (await range.arrayBuffer()).byteLength
  return {
    email,
    creditsBefore,
    creditsAfterSubmit,
    submitted,
    completed,
    generationMs,
    head: {
      status: head.status,
      contentType: head.headers.get('content-type'),
      contentLength: Number(head.headers.get('content-length')),
    },
    range: { status: range.status, contentRange: range.headers.get('content-range'), bytes: rangeBytes },
  }
}
