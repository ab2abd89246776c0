import type { z } from 'zod'
import {
  CreditsResponse,
  type GoogleAuthRequest,
  StreamTokenResponse,
  TokenResponse,
  UserResponse,
} from '../../shared/schemas/auth.ts'
import { ErrorResponse } from '../../shared/schemas/errors.ts'
import { UploadImageResponse } from '../../shared/schemas/uploads.ts'
import {
  type GenerateVideoRequest,
  type ListVideosQuery,
  VideoListResponse,
  VideoResponse,
} from '../../shared/schemas/videos.ts'

/**
 * The frontend's only way to the API. Every answer is parsed with the shared zod schemas; failures come
 * back as values carrying the API's own `detail`, so the page can show it as it is. The Pact consumer
 * tests drive this module, not a copy of it.
 */
export type ApiFailure = { ok: false; status: number; detail: string }
export type ApiResult<T> = { ok: true; value: T } | ApiFailure

export interface ApiClientOptions {
  baseUrl: string
  /** The current access token, or null when signed out. */
  getToken?: () => string | null
  fetch?: typeof fetch
}

function detailText(body: unknown, status: number): string {
  const parsed = ErrorResponse.safeParse(body)
  if (!parsed.success) return `HTTP ${status}`
  const { detail } = parsed.data
  if (typeof detail === 'string') return detail
  return detail
    .map((d) => (typeof d === 'object' && d && 'msg' in d ? String((d as { msg: unknown }).msg) : String(d)))
    .join('; ')
}

export function createApiClient(opts: ApiClientOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '')
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))

  async function call<S extends z.ZodType>(
    schema: S | null,
    path: string,
    init: RequestInit & { auth?: boolean } = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const headers = new Headers(init.headers)
    const token = opts.getToken?.()
    if (init.auth !== false && token) headers.set('authorization', `Bearer ${token}`)
    let res: Response
    try {
      res = await doFetch(`${base}${path}`, { ...init, headers })
    } catch (err) {
      return { ok: false, status: 0, detail: `Network error: ${(err as Error).message}` }
    }
    const body = res.status === 204 ? null : await res.json().catch(() => null)
    if (!res.ok) return { ok: false, status: res.status, detail: detailText(body, res.status) }
    if (!schema) return { ok: true, value: undefined as z.infer<S> }
    const parsed = schema.safeParse(body)
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, status: res.status, detail: `Unexpected response from ${path}` }
  }
  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

  return {
    baseUrl: base,
    signInWithGoogle: (req: z.input<typeof GoogleAuthRequest>) =>
      call(TokenResponse, '/api/v1/auth/google', { ...json(req), auth: false }),
    refresh: (refreshToken: string) =>
      call(TokenResponse, '/api/v1/auth/refresh', { ...json({ refresh_token: refreshToken }), auth: false }),
    me: () => call(UserResponse, '/api/v1/auth/me'),
    logout: () => call(null, '/api/v1/auth/logout', { method: 'POST' }),
    credits: () => call(CreditsResponse, '/api/v1/users/credits'),
    generate: (req: z.input<typeof GenerateVideoRequest>, idempotencyKey?: string) => {
      const init = json(req)
      if (idempotencyKey) (init.headers as Record<string, string>)['idempotency-key'] = idempotencyKey
      return call(VideoResponse, '/api/v1/videos/generate', init)
    },
    video: (id: number) => call(VideoResponse, `/api/v1/videos/${id}`),
    videos: (q: Partial<ListVideosQuery> = {}) => {
      const params = new URLSearchParams(
        Object.entries(q)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      )
      return call(VideoListResponse, `/api/v1/videos${params.size ? `?${params}` : ''}`)
    },
    streamToken: (id: number) =>
      call(StreamTokenResponse, `/api/v1/videos/${id}/stream-token`, { method: 'POST' }),
    /** The URL an EventSource opens for a video's updates. */
    streamUrl: (id: number, token: string) =>
      `${base}/api/v1/videos/${id}/stream?token=${encodeURIComponent(token)}`,
    uploadImage: (file: Blob, filename: string) => {
      const form = new FormData()
      form.append('file', file, filename)
      return call(UploadImageResponse, '/api/v1/upload/image', { method: 'POST', body: form })
    },
    /** Absolute URL of a file the API serves (`/uploads/...`). */
    fileUrl: (path: string) => `${base}${path}`,
  }
}
export type ApiClient = ReturnType<typeof createApiClient>
