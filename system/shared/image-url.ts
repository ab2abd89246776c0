import { fail, type Outcome, ok } from './outcome.ts'

/**
 * Where a reference image may come from: an upload of ours (`/uploads/user_N/...`) or an http(s) URL
 * whose host is on the allow list. Anything else (private, loopback or metadata addresses included) is
 * refused before a request is made. The API checks at submit time, the worker again before it fetches.
 */
export type ImageSource = { kind: 'upload'; path: string } | { kind: 'remote'; url: URL }

const UPLOAD_PATH = /^\/uploads\/user_\d+\/[0-9a-f-]{36}\.(jpg|png|webp)$/

function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.toLowerCase()
  const hostPort = url.port ? `${host}:${url.port}` : host
  return allowed.some((entry) => {
    const e = entry.toLowerCase()
    if (e.startsWith('*.')) return host.endsWith(e.slice(1))
    return e === hostPort || e === host
  })
}

export function checkImageUrl(raw: string, allowed: readonly string[]): Outcome<ImageSource, 'not_allowed'> {
  if (raw.startsWith('/')) {
    return UPLOAD_PATH.test(raw)
      ? ok({ kind: 'upload', path: raw })
      : fail('not_allowed', 'not an uploaded image')
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('not_allowed', 'not a URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('not_allowed', 'only http(s) URLs')
  if (url.username || url.password) return fail('not_allowed', 'credentials in URL')
  if (!hostAllowed(url, allowed)) return fail('not_allowed', `host ${url.host} is not on the allow list`)
  return ok({ kind: 'remote', url })
}
