import { Redis } from 'ioredis'
import { onTestFinished } from 'vitest'
import { parameters, recordPerf } from '../../api-tests/support/evidence.ts'
import { setCreditsThroughStack } from '../../api-tests/support/stack-credits.ts'
import { GUIDE_PROMPT, generate } from '../../api-tests/support/videos.ts'
import { type LoadResult, percentile, runLoad } from '../../harness/load.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

const DURATION_S = 30
const CREDITS = 1000
/** 200 requests/s in all: three kinds of reads and generates, each at a fixed rate, arriving evenly. */
const MIX = { getVideo: 70, listVideos: 60, credits: 50, generate: 20 } as const
/**
 * Generates come from this many users, two behind each of 20 connections (1 request/s each, the least
 * autocannon sends): 20/s × 30 s / 40 = 15 generates per user, under the 30/min rate limit.
 */
const GENERATE_USERS = 40
const GENERATE_CONNECTIONS = 20

/**
 * The API under a steady mixed load on loopback for a bounded time (fixed rate, fixed duration, it stops
 * by itself): no errors, p95 under 100 ms, and afterwards every accepted generate is exactly one video
 * and one charge. The queue is paused meanwhile (on two cores the worker starting hundreds of jobs
 * would measure the worker, not the API), then resumed: every video completes and the ledger holds
 * (each user's balance = what they were given − 10 × their videos).
 */
describe('a mixed load of 200 requests/s for 30 s', () => {
  test('gets no errors, p95 under 100 ms, and leaves every user’s credits exact @REL-12', async ({
    suite,
    stack,
    user: reader,
    newUser,
  }) => {
    const generators = await Promise.all(Array.from({ length: GENERATE_USERS }, () => newUser()))
    const ids = generators.map((u) => u.id)
    await setCreditsThroughStack(suite, stack, generators, CREDITS)
    const own = (await generate(suite.apiUrl, reader)).video
    await stack.queue.pause()
    onTestFinished(() => stack.queue.resume())
    // This stack's Redis fsyncs its append-only file on every write, for REL-03's restart; on this
    // machine's shared disk that alone adds hundreds of ms to a generate. The load measures the API with
    // Redis's own default policy (fsync once a second) and puts the strict one back afterwards.
    const redis = new Redis(stack.info.wiring.redisUrl)
    await redis.config('SET', 'appendfsync', 'everysec')
    onTestFinished(async () => {
      await redis.config('SET', 'appendfsync', 'always')
      redis.disconnect()
    })

    const api = suite.apiUrl
    const readers = [reader.auth]
    const runs = await Promise.all([
      runLoad({
        url: `${api}/api/v1/videos/${own.id}`,
        headersPerConnection: readers,
        connections: 10,
        overallRate: MIX.getVideo,
        durationS: DURATION_S,
      }),
      runLoad({
        url: `${api}/api/v1/videos?page_size=5`,
        headersPerConnection: generators.map((u) => u.auth),
        connections: 10,
        overallRate: MIX.listVideos,
        durationS: DURATION_S,
      }),
      runLoad({
        url: `${api}/api/v1/users/credits`,
        headersPerConnection: generators.map((u) => u.auth),
        connections: 10,
        overallRate: MIX.credits,
        durationS: DURATION_S,
      }),
      runLoad({
        url: `${api}/api/v1/videos/generate`,
        method: 'POST',
        body: JSON.stringify({ prompt: GUIDE_PROMPT, model: 'sora-2' }),
        headersPerConnection: generators.map((u) => u.auth),
        connections: GENERATE_CONNECTIONS,
        overallRate: MIX.generate,
        durationS: DURATION_S,
      }),
    ])
    const [getVideo, listVideos, credits, generates] = runs as [
      LoadResult,
      LoadResult,
      LoadResult,
      LoadResult,
    ]
    const all = runs.flatMap((r) => r.times).sort((a, b) => a - b)
    const statuses: Record<string, number> = {}
    for (const r of runs)
      for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n
    const errors = runs.reduce((n, r) => n + r.errors + r.timeouts, 0)
    const latency = {
      p50_ms: percentile(all, 50),
      p95_ms: percentile(all, 95),
      p99_ms: percentile(all, 99),
      requests_per_s: Math.round((all.length / DURATION_S) * 10) / 10,
    }
    await recordPerf(suite, 'load-mixed', {
      load_mixed: { ...latency, requests: all.length, errors, rate_per_s: 200, duration_s: DURATION_S },
    })
    const p95 = (r: LoadResult) => r.latency.p95_ms
    await parameters({
      statuses: JSON.stringify(statuses),
      'p95 GET /videos/{id} (ms)': p95(getVideo),
      'p95 GET /videos (ms)': p95(listVideos),
      'p95 GET /users/credits (ms)': p95(credits),
      'p95 POST /videos/generate (ms)': p95(generates),
    })
    console.info(
      `mixed load: ${JSON.stringify(latency)} over ${all.length} requests, statuses ${JSON.stringify(statuses)}`,
    )

    // Soft: a slow run still goes on to check the credits (and to let its videos finish before the
    // next group starts), then fails at the end.
    expect.soft(errors).toBe(0)
    expect.soft(Object.keys(statuses).sort()).toEqual(['200', '201'])
    expect.soft(statuses['201']).toBe(generates.requests)
    // The load really ran at about its rate (autocannon on the same two cores may fall a little behind).
    expect.soft(all.length).toBeGreaterThanOrEqual(200 * DURATION_S * 0.8)
    expect.soft(latency.p95_ms).toBeLessThan(100)

    // Credits exact: each user was charged exactly for the 201s they got, and every video completes.
    await stack.queue.resume()
    // Requests still in flight when autocannon stops at the deadline reach the API, but their answers
    // are not counted: at most one per generate connection.
    const { rows } = await stack.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM videos WHERE user_id = ANY($1::int[])',
      [ids],
    )
    const videos = rows[0]!.n
    await parameters({ '201 counted': statuses['201'] ?? 0, 'videos in the database': videos })
    expect(videos).toBeGreaterThanOrEqual(statuses['201'] ?? 0)
    expect(videos).toBeLessThanOrEqual((statuses['201'] ?? 0) + GENERATE_CONNECTIONS)
    const ledgers = await expectCreditInvariant(stack, [reader.id, ...ids], { deadlineMs: 180_000 })
    expect(ledgers.slice(1).reduce((n, l) => n + l.videos, 0)).toBe(videos)
  })
})
