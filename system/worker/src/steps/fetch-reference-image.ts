import { readFile, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { IMAGE_MIME, sniffImage } from '../../../shared/image-type.ts'
import { checkImageUrl } from '../../../shared/image-url.ts'
import { fail, type Outcome, ok } from '../../../shared/outcome.ts'
import { MAX_UPLOAD_BYTES } from '../../../shared/schemas/uploads.ts'
import type { ReferenceImage } from '../sora-client.ts'

/**
 * Step 1 of the guide: get the reference image's bytes. An upload of ours is read from UPLOADS_DIR
 * (only the uploader's own); a remote URL is fetched only if its host is on the allow list, redirects
 * included, with a deadline and a size cap. Only JPEG, PNG and WebP bytes (by magic number) pass.
 */
export type ImageFailureKind = 'image_not_allowed' | 'image_invalid' | 'network' | 'timeout' | 'server'

export interface FetchImageDeps {
  uploadsDir: string
  allowedHosts: readonly string[]
  timeoutMs: number
  maxBytes?: number
  maxRedirects?: number
  fetch?: typeof globalThis.fetch
}

/** The reference image when its first bytes are a JPEG, PNG or WebP, whatever its name or header claims. */
function asImage(bytes: Buffer): Outcome<ReferenceImage, ImageFailureKind> {
  const ext = sniffImage(bytes)
  if (!ext) return fail('image_invalid', 'the reference image is not a JPEG, PNG or WebP image')
  return ok({ bytes, mime: IMAGE_MIME[ext], filename: `reference.${ext}` })
}

async function readUpload(
  uploadPath: string,
  userId: number,
  deps: FetchImageDeps,
  maxBytes: number,
): Promise<Outcome<ReferenceImage, ImageFailureKind>> {
  const owner = /^\/uploads\/user_(\d+)\//.exec(uploadPath)?.[1]
  if (Number(owner) !== userId)
    return fail('image_not_allowed', "the reference image is another user's upload")
  const root = resolve(deps.uploadsDir)
  const file = resolve(root, uploadPath.slice('/uploads/'.length))
  if (!file.startsWith(root + sep))
    return fail('image_not_allowed', 'the reference image path leaves uploads')
  try {
    const info = await stat(file)
    if (!info.isFile()) return fail('image_invalid', 'the reference image was not found')
    if (info.size > maxBytes) return fail('image_invalid', `the reference image is over ${maxBytes} bytes`)
    return asImage(await readFile(file))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail('image_invalid', 'the reference image was not found')
    throw err
  }
}

/** Reads a body up to `maxBytes`, cancelling the download as soon as it is over. */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer | null> {
  if (!res.body) return Buffer.alloc(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

async function fetchRemote(
  start: URL,
  deps: FetchImageDeps,
  maxBytes: number,
): Promise<Outcome<ReferenceImage, ImageFailureKind>> {
  const doFetch = deps.fetch ?? globalThis.fetch
  const signal = AbortSignal.timeout(deps.timeoutMs)
  let url = start
  try {
    for (let hop = 0; ; hop += 1) {
      const res = await doFetch(url, { redirect: 'manual', signal, headers: { accept: 'image/*' } })
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => {})
        const location = res.headers.get('location')
        if (!location)
          return fail('image_invalid', `the image host answered ${res.status} without a location`)
        if (hop >= (deps.maxRedirects ?? 3))
          return fail('image_invalid', 'the reference image redirects too often')
        // A redirect is a new request: the next host must be allowed too.
        const next = checkImageUrl(new URL(location, url).toString(), deps.allowedHosts)
        if (!next.ok || next.value.kind !== 'remote') {
          return fail(
            'image_not_allowed',
            `the reference image redirects elsewhere: ${next.ok ? 'not remote' : next.detail}`,
          )
        }
        url = next.value.url
        continue
      }
      if (res.status >= 500) {
        await res.body?.cancel().catch(() => {})
        return fail('server', `the image host answered ${res.status}`)
      }
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {})
        return fail('image_invalid', `the image host answered ${res.status}`)
      }
      const type = res.headers.get('content-type') ?? ''
      if (!type.toLowerCase().startsWith('image/')) {
        await res.body?.cancel().catch(() => {})
        return fail('image_invalid', `the reference image URL is not an image (${type || 'no content type'})`)
      }
      const declared = Number(res.headers.get('content-length') ?? 0)
      if (declared > maxBytes) {
        await res.body?.cancel().catch(() => {})
        return fail('image_invalid', `the reference image is over ${maxBytes} bytes`)
      }
      const bytes = await readCapped(res, maxBytes)
      if (!bytes) return fail('image_invalid', `the reference image is over ${maxBytes} bytes`)
      return asImage(bytes)
    }
  } catch (err) {
    const name = err instanceof Error ? err.name : ''
    if (name === 'TimeoutError' || name === 'AbortError') {
      return fail('timeout', `the image host did not answer within ${deps.timeoutMs} ms`)
    }
    return fail('network', `the image host could not be reached: ${err instanceof Error ? err.message : err}`)
  }
}

export async function fetchReferenceImage(
  raw: string | null,
  userId: number,
  deps: FetchImageDeps,
): Promise<Outcome<ReferenceImage | null, ImageFailureKind>> {
  if (!raw) return ok(null)
  const maxBytes = deps.maxBytes ?? MAX_UPLOAD_BYTES
  const source = checkImageUrl(raw, deps.allowedHosts)
  if (!source.ok) return fail('image_not_allowed', source.detail)
  return source.value.kind === 'upload'
    ? readUpload(source.value.path, userId, deps, maxBytes)
    : fetchRemote(source.value.url, deps, maxBytes)
}
