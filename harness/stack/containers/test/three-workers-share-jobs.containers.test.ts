import { randomUUID } from 'node:crypto'
import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchAuthorizationCode } from '../../../../system/mock-google/src/login-hint.ts'
import { DEFAULT_REDIRECT_URI } from '../../../../system/shared/config.ts'
import { LogEvent } from '../../../../system/shared/log-events.ts'
import { jobIdFor, QUEUE_NAME } from '../../../../system/shared/queue.ts'
import { CreditsResponse, TokenResponse } from '../../../../system/shared/schemas/auth.ts'
import { VideoResponse } from '../../../../system/shared/schemas/videos.ts'
import { waitFor } from '../../../wait.ts'
import { StackBuilder } from '../../stack-builder.ts'
import type { StartedStack, WorkerName } from '../../started-stack.ts'

/**
 * `--scale worker=3`: nine videos, three worker containers. Each worker takes at most three jobs at once
 * (WORKER_CONCURRENCY=3), so the nine jobs must be spread over all three; each video's job is processed
 * by exactly one worker, once (one attempt, one `video.job.started` in all the workers' logs together),
 * every video completes, and the credits are exact: 100 - 9 × 10 = 10.0, nothing refunded.
 */
const WORKERS = 3
const VIDEOS = 9
const PROMPT = 'A cinematic product showcase with smooth camera movements, professional lighting'

describe('three worker containers on one queue', () => {
  let stack: StartedStack
  beforeAll(async () => {
    stack = await new StackBuilder()
      .withDriver('containers')
      .withWorkers(WORKERS)
      .withSoraDurationS(10)
      .withoutWeb()
      .withEnv({ WORKER_CONCURRENCY: '3' }, 'worker')
      .start()
  }, 600_000)
  afterAll(() => stack?.stop(), 120_000)

  it('share the nine jobs, each processed once by one worker, and charge exactly 90 credits', async () => {
    const api = `${stack.urls.api}/api/v1`
    const redirectUri = DEFAULT_REDIRECT_URI
    const code = await fetchAuthorizationCode(stack.urls.mockGoogle, {
      clientId: stack.config.googleClientId,
      redirectUri,
      state: randomUUID(),
      loginHint: `three-workers-${randomUUID().slice(0, 8)}@example.com`,
    })
    if (!code.ok) throw new Error(code.detail)
    const signIn = await fetch(`${api}/auth/google`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.value, redirect_uri: redirectUri }),
    })
    const token = TokenResponse.parse(await signIn.json()).access_token
    const auth = { authorization: `Bearer ${token}` }

    const ids = await Promise.all(
      Array.from({ length: VIDEOS }, async (_, i) => {
        const res = await fetch(`${api}/videos/generate`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ prompt: `${PROMPT} #${i + 1}`, model: 'sora-2' }),
        })
        expect(res.status).toBe(201)
        return VideoResponse.parse(await res.json()).id
      }),
    )

    const finished = await waitFor(
      async () => {
        const videos = await Promise.all(
          ids.map(async (id) =>
            VideoResponse.parse(await (await fetch(`${api}/videos/${id}`, { headers: auth })).json()),
          ),
        )
        const pending = videos.filter((v) => v.status !== 'completed' && v.status !== 'failed')
        return pending.length === 0
          ? { done: true, value: videos }
          : { done: false, seen: `${pending.length} not finished: ${pending.map((v) => v.status).join(',')}` }
      },
      { deadlineMs: 120_000, intervalMs: 1000, what: 'all nine videos finished' },
    )
    expect(finished.map((v) => v.status)).toEqual(Array(VIDEOS).fill('completed'))

    // Who processed what: each container's `video.job.started` events, which carry its workerId.
    const workers = Array.from({ length: WORKERS }, (_, i) => `worker-${i + 1}` as WorkerName)
    const started = workers.flatMap((name) =>
      stack
        .logs(name)
        .filter((e) => e.event === LogEvent.jobStarted)
        .map((e) => ({ container: name, workerId: String(e.workerId), videoId: Number(e.videoId) })),
    )
    const byVideo = new Map<number, string[]>()
    for (const s of started) byVideo.set(s.videoId, [...(byVideo.get(s.videoId) ?? []), s.workerId])
    const perWorker = Object.fromEntries(
      workers.map((w) => [w, started.filter((s) => s.container === w).map((s) => s.videoId)]),
    )
    console.info(
      `[three workers] videos per worker: ${JSON.stringify(perWorker)}; worker ids: ${[
        ...new Set(started.map((s) => s.workerId)),
      ].join(', ')}`,
    )
    expect([...byVideo.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
    for (const id of ids) expect(byVideo.get(id), `workers that started video ${id}`).toHaveLength(1)
    for (const w of workers) expect(perWorker[w]!.length, `videos ${w} processed`).toBeGreaterThan(0)
    expect(new Set(started.map((s) => s.workerId)).size).toBe(WORKERS)
    const completedBy = workers.flatMap((name) =>
      stack.logs(name).filter((e) => e.event === LogEvent.jobCompleted),
    )
    expect(completedBy).toHaveLength(VIDEOS)

    // BullMQ agrees: one attempt per job, all completed.
    const queue = new Queue(QUEUE_NAME, {
      connection: { url: stack.redisUrl },
      prefix: stack.config.queuePrefix,
    })
    try {
      for (const id of ids) {
        const job = await queue.getJob(jobIdFor(id))
        expect(await job?.getState()).toBe('completed')
        expect(job?.attemptsMade).toBe(1)
      }
    } finally {
      await queue.close()
    }

    const credits = CreditsResponse.parse(
      await (await fetch(`${api}/users/credits`, { headers: auth })).json(),
    ).credits
    expect(credits).toBe(100 - VIDEOS * 10)
    const ledger = await stack.db.query<{ reason: string; n: string }>(
      'SELECT reason, count(*) AS n FROM credit_ledger WHERE video_id = ANY($1) GROUP BY reason',
      [ids],
    )
    console.info(`[three workers] ledger: ${JSON.stringify(ledger.rows)}; credits left ${credits}`)
  })
})
