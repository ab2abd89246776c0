import { fail, type Outcome, ok } from '../../system/shared/outcome.ts'

/** What an HTTP call answered, whatever its status; the caller decides what a status means. */
export interface HttpAnswer {
  status: number
  /** Parsed JSON, or the text when the body is not JSON, or undefined when empty. */
  body: unknown
}
export type HttpFailure = 'unreachable' | 'timeout'

/** One HTTP call from the harness to a service; failures to reach it are values, not throws. */
export async function httpJson(
  url: string,
  opts: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Outcome<HttpAnswer, HttpFailure>> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers }
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 2000),
    })
  } catch (err) {
    const name = err instanceof Error ? err.name : ''
    if (name === 'TimeoutError') return fail('timeout', `${url}: no answer in ${opts.timeoutMs ?? 2000} ms`)
    return fail('unreachable', `${url}: ${describeError(err)}`)
  }
  let text: string
  try {
    text = await res.text()
  } catch (err) {
    return fail('unreachable', `${url}: body cut off (${describeError(err)})`)
  }
  return ok({ status: res.status, body: parseBody(text) })
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
