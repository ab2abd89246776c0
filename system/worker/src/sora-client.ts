import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { z } from 'zod'
import { fail, type Outcome, ok } from '../../shared/outcome.ts'
import {
  OpenAIError,
  type SoraCreateRequest,
  SoraVideo,
  SoraVideoList,
  type SoraVideoList as SoraVideoListT,
} from '../../shared/schemas/sora.ts'

/**
 * The worker's one client of OpenAI's Videos API (Sora 2): mock-sora in mock mode, OpenAI or a
 * compatible provider otherwise. Every call returns an Outcome; nothing here throws for a remote failure.
 */
export type SoraErrorKind =
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'unauthorized'
  | 'rejected'
  | 'not_found'
  | 'protocol'
export type SoraOutcome<T> = Outcome<T, SoraErrorKind>

/** Kinds worth another attempt later: the request may well succeed then. */
export const TRANSIENT_SORA_KINDS: ReadonlySet<SoraErrorKind> = new Set([
  'rate_limited',
  'server',
  'timeout',
  'network',
])

export interface ReferenceImage {
  bytes: Buffer
  mime: string
  filename: string
}

export type CreateVideoInput = Required<SoraCreateRequest> & { image?: ReferenceImage | null }
export type ContentVariant = 'video' | 'thumbnail' | 'spritesheet'

export interface SoraClient {
  createVideo(input: CreateVideoInput): Promise<SoraOutcome<SoraVideo>>
  retrieveVideo(id: string): Promise<SoraOutcome<SoraVideo>>
  listVideos(query?: { limit?: number; after?: string }): Promise<SoraOutcome<SoraVideoListT>>
  /** Streams the content to `destPath` (through a temporary file, renamed at the end); returns its size. */
  downloadContent(
    id: string,
    variant: ContentVariant,
    destPath: string,
  ): Promise<SoraOutcome<{ path: string; bytes: number }>>
}

export interface SoraClientOptions {
  /** Origin of the API, with or without a trailing `/v1` (`https://api.openai.com`, `http://127.0.0.1:4010`). */
  baseUrl: string
  apiKey: string
  /** Budget of one JSON request. */
  timeoutMs: number
  /** Budget of one content download, body included; large files need more. Default: 20 × timeoutMs. */
  downloadTimeoutMs?: number
  fetch?: typeof globalThis.fetch
}

/** `https://api.openai.com` and `https://api.openai.com/v1` both give `https://api.openai.com/v1`. */
function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '')
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`
}

/** Maps a non-2xx answer to a kind, with OpenAI's own message as the detail when there is one. */
async function errorOutcome(res: Response): Promise<{ ok: false; kind: SoraErrorKind; detail: string }> {
  const text = await res.text().catch(() => '')
  let message = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`
  let code: string | null = null
  try {
    const parsed = OpenAIError.safeParse(JSON.parse(text))
    if (parsed.success) {
      message = parsed.data.error.message
      code = parsed.data.error.code
    }
  } catch {
    // not JSON: keep the status line
  }
  const s = res.status
  // OpenAI answers 429 for an exhausted quota as well: waiting does not help there.
  if (s === 429) return fail(code === 'insufficient_quota' ? 'rejected' : 'rate_limited', message)
  if (s === 401 || s === 403) return fail('unauthorized', message)
  if (s === 404) return fail('not_found', message)
  if (s === 408) return fail('timeout', message)
  if (s >= 500) return fail('server', message)
  return fail('rejected', message)
}

function thrownOutcome(err: unknown, timeoutMs: number): { ok: false; kind: SoraErrorKind; detail: string } {
  const name = err instanceof Error ? err.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') {
    return fail('timeout', `no answer within ${timeoutMs} ms`)
  }
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
  return fail('network', `${err instanceof Error ? err.message : String(err)}${cause}`)
}

async function parseBody<S extends z.ZodType>(res: Response, schema: S): Promise<SoraOutcome<z.infer<S>>> {
  let body: unknown
  try {
    body = await res.json()
  } catch (err) {
    return fail('protocol', `answer is not JSON: ${err instanceof Error ? err.message : String(err)}`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    return fail(
      'protocol',
      `unexpected answer shape at ${first?.path.join('.') || '(root)'}: ${first?.message}`,
    )
  }
  return ok(parsed.data)
}

export function createSoraClient(options: SoraClientOptions): SoraClient {
  const root = apiRoot(options.baseUrl)
  const doFetch = options.fetch ?? globalThis.fetch
  const auth = { authorization: `Bearer ${options.apiKey}` }
  const downloadTimeoutMs = options.downloadTimeoutMs ?? options.timeoutMs * 20

  async function requestJson<S extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: S,
  ): Promise<SoraOutcome<z.infer<S>>> {
    let res: Response
    try {
      res = await doFetch(`${root}${path}`, {
        ...init,
        headers: { ...auth, accept: 'application/json', ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(options.timeoutMs),
      })
    } catch (err) {
      return thrownOutcome(err, options.timeoutMs)
    }
    if (!res.ok) return errorOutcome(res)
    try {
      return await parseBody(res, schema)
    } catch (err) {
      return thrownOutcome(err, options.timeoutMs)
    }
  }

  return {
    createVideo({ image, ...fields }) {
      if (!image) {
        return requestJson(
          '/videos',
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) },
          SoraVideo,
        )
      }
      const form = new FormData()
      form.set('prompt', fields.prompt)
      form.set('model', fields.model)
      form.set('seconds', fields.seconds)
      form.set('size', fields.size)
      form.set(
        'input_reference',
        new Blob([new Uint8Array(image.bytes)], { type: image.mime }),
        image.filename,
      )
      return requestJson('/videos', { method: 'POST', body: form }, SoraVideo)
    },

    retrieveVideo(id) {
      return requestJson(`/videos/${encodeURIComponent(id)}`, { method: 'GET' }, SoraVideo)
    },

    listVideos(query = {}) {
      const qs = new URLSearchParams()
      if (query.limit !== undefined) qs.set('limit', String(query.limit))
      if (query.after !== undefined) qs.set('after', query.after)
      const suffix = qs.size > 0 ? `?${qs}` : ''
      return requestJson(`/videos${suffix}`, { method: 'GET' }, SoraVideoList)
    },

    async downloadContent(id, variant, destPath) {
      const url = `${root}/videos/${encodeURIComponent(id)}/content?variant=${variant}`
      const tmp = `${destPath}.${randomUUID()}.part`
      try {
        const res = await doFetch(url, { headers: auth, signal: AbortSignal.timeout(downloadTimeoutMs) })
        if (!res.ok) return await errorOutcome(res)
        if (!res.body) return fail('protocol', 'content answer has no body')
        // Chunk by chunk to disk: a 150 MB video never sits in memory.
        await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(tmp))
        // fetch decodes a compressed body, so the length only compares when nothing was encoded.
        const encoded = res.headers.has('content-encoding')
        const expected = Number(res.headers.get('content-length') ?? Number.NaN)
        const { size } = await stat(tmp)
        if (!encoded && Number.isFinite(expected) && size !== expected) {
          await rm(tmp, { force: true })
          return fail('network', `content cut short: ${size} of ${expected} bytes`)
        }
        await rename(tmp, destPath)
        return ok({ path: destPath, bytes: size })
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => {})
        return thrownOutcome(err, downloadTimeoutMs)
      }
    },
  }
}
