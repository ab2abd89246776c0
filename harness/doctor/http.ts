import { fail, type Outcome, ok } from '../../system/shared/outcome.ts'

/** What a doctor's HTTP probe saw: status, headers and the body (text, possibly empty). */
export interface Seen {
  status: number
  headers: Headers
  text: string
  ms: number
}

export type ProbeFailure = 'unreachable' | 'timeout'

/** One HTTP request of a check; not being answered is a value, not a throw. */
export async function probe(
  url: string,
  init: RequestInit = {},
  timeoutMs = 3000,
): Promise<Outcome<Seen, ProbeFailure>> {
  const t0 = performance.now()
  try {
    const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) })
    const text = init.method === 'HEAD' ? '' : await res.text()
    return ok({ status: res.status, headers: res.headers, text, ms: Math.round(performance.now() - t0) })
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError')
      return fail('timeout', `${url}: no answer within ${timeoutMs} ms`)
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? cause?.message
    return fail(
      'unreachable',
      `${url}: ${err instanceof Error ? err.message : String(err)}${code ? ` (${code})` : ''}`,
    )
  }
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonOf(seen: Seen): unknown {
  try {
    return JSON.parse(seen.text)
  } catch {
    return undefined
  }
}

/** `base` + `path`, whatever slashes either has; an absolute `path` stays as it is. */
export function join(base: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}
