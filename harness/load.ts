import autocannon from 'autocannon'
import type { Perf } from './report/perf.ts'

type Latency = NonNullable<Perf['api_get_video']>

export interface LoadOptions {
  url: string
  method?: 'GET' | 'POST'
  body?: string
  /**
   * Headers of each connection, in turn (e.g. one signed-in user per connection). With more entries
   * than connections (and a fixed rate), connection i takes entries i, i + connections, … in turn,
   * one per request: several users behind one connection, e.g. to stay under a per-user rate limit.
   */
  headersPerConnection: Array<Record<string, string>>
  connections?: number
  durationS?: number
  /**
   * Requests per second from all connections together, spread evenly over each second; 0 = every
   * connection sends its next request as soon as the last is answered (saturation).
   */
  overallRate?: number
}

export interface LoadResult {
  latency: Latency & { requests_per_s: number }
  requests: number
  /** Responses by status code. */
  statuses: Record<string, number>
  errors: number
  timeouts: number
  /** Every response's time in ms, sorted (to combine several runs into one distribution). */
  times: number[]
}

/**
 * Loads one endpoint with autocannon — 20 connections for 10 s by default — and computes p50/p95/p99
 * from every response's own time (autocannon's summary has no p95).
 *
 * At a given rate, autocannon lets every connection send its share at the start of each second, so
 * 20 connections would fire together: a burst of 20, whose last answer measures the queue (20 × the
 * API's time per request), not the response time. So each connection runs as its own autocannon
 * instance at its share of the rate, the instances started 1/20 s apart: the same 20 clients, arriving
 * evenly. With overallRate 0 there is one instance of 20 connections flat out (saturation).
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const connections = opts.connections ?? 20
  const durationS = opts.durationS ?? 10
  const times: number[] = []
  const statuses: Record<string, number> = {}
  const headersOf = (i: number) => {
    const headers = opts.headersPerConnection[i % opts.headersPerConnection.length]!
    return opts.body ? { 'content-type': 'application/json', ...headers } : headers
  }
  // Entries per connection when there are more entries than connections (see headersPerConnection).
  const rotate =
    opts.overallRate && opts.headersPerConnection.length > connections
      ? Math.floor(opts.headersPerConnection.length / connections)
      : 0
  const run = (conns: number, connectionRate: number | undefined, first: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      let next = first
      let turn = 0
      const instance = autocannon(
        {
          url: opts.url,
          method: opts.method ?? 'GET',
          connections: conns,
          duration: durationS,
          ...(opts.body ? { body: opts.body } : {}),
          ...(connectionRate ? { connectionRate } : {}),
          setupClient: (client) => client.setHeaders(headersOf(next++)),
          ...(rotate && conns === 1
            ? {
                requests: [
                  {
                    setupRequest: (req: autocannon.Request) => {
                      const headers = headersOf(first + (turn++ % rotate) * connections)
                      return { ...req, headers: { ...req.headers, ...headers } }
                    },
                  },
                ],
              }
            : {}),
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      )
      instance.on('response', ((_client: unknown, status: number, _bytes: number, ms: number) => {
        times.push(ms)
        statuses[status] = (statuses[status] ?? 0) + 1
      }) as never)
    })

  let results: autocannon.Result[]
  if (!opts.overallRate) {
    results = [await run(connections, undefined, 0)]
  } else {
    const perConnection = opts.overallRate / connections
    const gapMs = 1000 / connections
    results = await Promise.all(
      Array.from({ length: connections }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * gapMs))
        return run(1, perConnection, i)
      }),
    )
  }
  const sorted = times.sort((a, b) => a - b)
  return {
    latency: {
      p50_ms: round(percentile(sorted, 50)),
      p95_ms: round(percentile(sorted, 95)),
      p99_ms: round(percentile(sorted, 99)),
      requests_per_s: round(sorted.length / durationS),
    },
    requests: sorted.length,
    statuses,
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    times: sorted,
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

const round = (n: number) => Math.round(n * 100) / 100

/** The steady load of the PERF-01 tests: PERF_GET_RATE / PERF_POST_RATE requests per second (0 = flat out). */
export function loadRate(name: 'PERF_GET_RATE' | 'PERF_POST_RATE', fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${raw} is not a whole number ≥ 0`)
  return n
}
