import { fail, type Outcome, ok } from '../system/shared/outcome.ts'

/** What an HTTP call answered, whatever its status; the caller decides what a status means. */
export interface HttpAnswer {
  status: number
  headers: Headers
  /** The body as it came ('' for HEAD or an empty body). */
  text: string
  /** Parsed JSON, or the text when the body is not JSON, or undefined when empty. */
  body: unknown
  /** From sending the request to having read the whole body. */
  ms: number
}
export type HttpFailure = 'unreachable' | 'timeout'

export interface HttpRequest {
  method?: string
  headers?: Record<string, string>
  /** Sent as JSON. */
  body?: unknown
  timeoutMs?: number
  /** 'manual' answers a redirect as it is (a check that must see the 3xx itself). */
  redirect?: RequestRedirect
}

/** One HTTP call from the harness to a service; failures to reach it are values, not throws. */
export async function http(url: string, req: HttpRequest = {}): Promise<Outcome<HttpAnswer, HttpFailure>> {
  const timeoutMs = req.timeoutMs ?? 2000
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers }
  if (req.body !== undefined) headers['content-type'] = 'application/json'
  const t0 = performance.now()
  let res: Response
  try {
    res = await fetch(url, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      redirect: req.redirect ?? 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (err) {
    const name = err instanceof Error ? err.name : ''
    if (name === 'TimeoutError') return fail('timeout', `${url}: no answer in ${timeoutMs} ms`)
    return fail('unreachable', `${url}: ${describeError(err)}`)
  }
  let text: string
  try {
    text = await res.text()
  } catch (err) {
    return fail('unreachable', `${url}: body cut off (${describeError(err)})`)
  }
  const ms = Math.round(performance.now() - t0)
  return ok({ status: res.status, headers: res.headers, text, body: parseBody(text), ms })
}

/** `base` + `path`, whatever slashes either has; an absolute `path` stays as it is. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

function parseBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** fetch hides the socket error in `cause` (ECONNREFUSED and the like). */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause =
    err.cause instanceof Error ? ` (${(err.cause as NodeJS.ErrnoException).code ?? err.cause.message})` : ''
  return `${err.message}${cause}`
}
