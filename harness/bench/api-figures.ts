import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { QUEUE_NAME } from '../../system/shared/queue.ts'
import type { LoadResult } from '../load.ts'
import type { StartedStack } from '../stack/started-stack.ts'
import { runLoadInProcess } from './load-process.ts'
import type { BenchSettings } from './settings.ts'
import type { BenchFigure } from './table.ts'
import { benchUsers } from './users.ts'

/** Enough for every generate of the runs: each 201 charges 10. */
const LOAD_CREDITS = 1_000_000
const GUIDE_API = { op: '<', value: 100 } as const
/**
 * Targets per endpoint, issue 18's. The POST's latency bounds are its own (25 / 40 ms, where both
 * endpoints shared 10 / 25): at saturation latency = connections ÷ throughput (Little's law), so p95 ≤ 10 ms
 * from 50 connections needs over 5,000 generates/s, and each generate is a real charge, insert and enqueue
 * on the same two cores as the API, PostgreSQL, Redis and the load.
 */
const TARGETS = {
  '200': { p95Ms: 10, p99Ms: 15, perS: 3000 },
  '201': { p95Ms: 25, p99Ms: 40, perS: 2500 },
} as const
const PROMPT = 'A cinematic product showcase with smooth camera movements, professional lighting'

/**
 * API: autocannon flat out (each connection sends its next request as soon as the last is answered)
 * from `connections` connections for `durationS`, on GET /videos/{id} and POST /videos/generate, one
 * signed-in user per connection, from a process of its own (load-process.ts). Every generate is real (a charge, a row, a queue job); the queue is
 * paused meanwhile so that the worker does not start thousands of jobs on the same two cores, and the
 * load's jobs are dropped afterwards. The API runs with GENERATE_RATE_LIMIT_PER_MIN=0 (cli.ts).
 *
 * At saturation, latency = connections ÷ throughput (Little's law): p95 ≤ 10 ms from 50 connections
 * needs well over 5,000 requests/s.
 */
export async function apiFigures(
  stack: StartedStack,
  settings: BenchSettings,
  report: (f: BenchFigure) => void,
): Promise<void> {
  const { connections, durationS } = settings.api
  const users = await benchUsers(stack, connections, LOAD_CREDITS)
  const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: null })
  redis.on('error', () => {})
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: stack.config.queuePrefix })
  queue.on('error', () => {})
  const gets: LoadResult[] = []
  const posts: LoadResult[] = []
  try {
    // Paused for the whole group: the worker stays idle (the GET's video stays pending, which changes
    // nothing for the read) and every job of the load is dropped below.
    await queue.pause()
    const first = await fetch(`${stack.urls.api}/api/v1/videos/generate`, {
      method: 'POST',
      headers: { ...users[0]!.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: PROMPT, model: 'sora-2' }),
    })
    if (first.status !== 201) throw new Error(`generate answered ${first.status}: ${await first.text()}`)
    const { id } = (await first.json()) as { id: number }
    for (let run = 0; run < settings.runs; run += 1) {
      gets.push(
        await runLoadInProcess({
          url: `${stack.urls.api}/api/v1/videos/${id}`,
          headersPerConnection: [users[0]!.auth],
          connections,
          durationS,
        }),
      )
      posts.push(
        await runLoadInProcess({
          url: `${stack.urls.api}/api/v1/videos/generate`,
          method: 'POST',
          body: JSON.stringify({ prompt: PROMPT, model: 'sora-2' }),
          headersPerConnection: users.map((u) => u.auth),
          connections,
          durationS,
        }),
      )
      await queue.drain(true)
    }
  } finally {
    // A load that threw must not leave the worker paused for the groups after it.
    await queue.resume().catch(() => {})
    await queue.close()
    redis.disconnect()
  }

  const group = `API (${connections} connections × ${durationS} s, flat out)`
  for (const [label, results, expected] of [
    ['GET /videos/{id}', gets, '200'],
    ['POST /videos/generate', posts, '201'],
  ] as const) {
    const other = results.map((r) => unexpected(r, expected)).filter(Boolean)
    const note = other.length ? `runs with other answers: ${other.join('; ')}` : undefined
    const targets = TARGETS[expected]
    const latency = (name: string, key: 'p50_ms' | 'p95_ms' | 'p99_ms', limit: number | null) =>
      report({
        group,
        name: `${label} ${name}`,
        unit: 'ms',
        target: limit === null ? null : { op: '<=', value: limit },
        guide: GUIDE_API,
        runs: results.map((r) => r.latency[key]),
        ...(note ? { note } : {}),
      })
    latency('p50', 'p50_ms', null)
    latency('p95', 'p95_ms', targets.p95Ms)
    latency('p99', 'p99_ms', targets.p99Ms)
    report({
      group,
      name: `${label} requests/s`,
      unit: 'req/s',
      target: { op: '>=', value: targets.perS },
      guide: null,
      runs: results.map((r) => r.latency.requests_per_s),
    })
  }
}

/** "1200 × 429, 3 errors" when a run had answers other than the expected status; '' otherwise. */
function unexpected(r: LoadResult, expected: string): string {
  const parts = Object.entries(r.statuses)
    .filter(([s]) => s !== expected)
    .map(([s, n]) => `${n} × ${s}`)
  if (r.errors) parts.push(`${r.errors} errors`)
  if (r.timeouts) parts.push(`${r.timeouts} timeouts`)
  return parts.join(', ')
}
