import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { type Job, Queue, QueueEvents } from 'bullmq'
import { test as base, inject } from 'vitest'
import type { z } from 'zod'
import { freshDatabase } from '../../../harness/stack/infra/fresh-database.ts'
import { upsertGoogleUser } from '../../db/users.ts'
import { createChargedVideo, type StoredVideo } from '../../db/videos.ts'
import { type MockFaultRequest, MockState } from '../../mock-sora/src/control-schema.ts'
import { loadMockSoraConfig, loadWorkerConfig, type WorkerConfig } from '../../shared/config.ts'
import { createLogger, type Logger } from '../../shared/logger.ts'
import { JOB_NAME, jobOptions, QUEUE_NAME } from '../../shared/queue.ts'
import type { UserResponse } from '../../shared/schemas/auth.ts'
import type { ProcessedVideo } from '../src/processor.ts'
import { createSoraClient, type SoraClient } from '../src/sora-client.ts'
import { createVideoWorker, type VideoWorker, type VideoWorkerDeps } from '../src/worker.ts'

/**
 * Fixtures of the worker's tests: a fresh database and uploads dir per file, a mock-sora per file (reset
 * before each test), captured log lines, a signed-up user, and a worker on a queue prefix of its own.
 */
export const MOCK_SORA_KEY = 'sk-worker-test'

export type MockSoraFault = z.input<typeof MockFaultRequest>

export interface RunningMockSora {
  url: string
  apiKey: string
  sampleVideo: string
  sampleThumbnail: string
  /** A client of ours aimed at it. */
  client: SoraClient
  fault(fault: MockSoraFault): Promise<void>
  reset(): Promise<void>
  /** How many Sora jobs it has, by its own list endpoint. */
  jobCount(): Promise<number>
  /** Its control-plane view: jobs, pending faults, requests by route since the last reset. */
  state(): Promise<MockState>
  /** How many `POST /v1/videos` it received since the last reset. */
  creates(): Promise<number>
  /** Its own log lines (the guide's mock block), parsed. */
  logLines: Record<string, unknown>[]
}

export interface CapturedLogs {
  logger: Logger
  lines: Record<string, unknown>[]
  /** The `event` names logged for one video, in order. */
  eventsOf(videoId: number): string[]
}

export interface WorkerRun {
  config: WorkerConfig
  worker: VideoWorker
  queue: Queue
  queueEvents: QueueEvents
  enqueue(video: StoredVideo, opts?: { attempts?: number; backoffMs?: number }): Promise<Job>
  /** Waits for the job's end under a deadline: its return value, or the error it failed with. */
  settle(
    job: Job,
    deadlineMs?: number,
  ): Promise<{ ok: true; value: ProcessedVideo } | { ok: false; error: Error }>
}

async function post(url: string, apiKey: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`)
}

function captureLogs(service = 'worker'): CapturedLogs {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line))
      cb()
    },
  })
  return {
    logger: createLogger(service, 'info', sink),
    lines,
    eventsOf: (videoId) =>
      lines.filter((l) => l.videoId === videoId && typeof l.event === 'string').map((l) => l.event as string),
  }
}

let userSeq = 0

export const test = base
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('db', { scope: 'file' }, async ({}, { onCleanup }) => {
    const db = await freshDatabase(inject('databaseUrl'))
    onCleanup(() => db.drop())
    return db
  })
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('uploadsDir', { scope: 'file' }, async ({}, { onCleanup }) => {
    const dir = await mkdtemp(join(tmpdir(), 'worker-uploads-'))
    onCleanup(() => rm(dir, { recursive: true, force: true }))
    return dir
  })
  /** Environment of the file's mock-sora; a file overrides it with `test.override('mockSoraEnv', ...)`. */
  .extend('mockSoraEnv', { scope: 'file' }, { MOCK_SORA_DURATION_S: '1' } as NodeJS.ProcessEnv)
  .extend('mockSora', { scope: 'file' }, async ({ mockSoraEnv }, { onCleanup }) => {
    const config = loadMockSoraConfig({
      MOCK_SORA_API_KEY: MOCK_SORA_KEY,
      LOG_LEVEL: 'warn',
      ...mockSoraEnv,
    })
    // Loaded only by the files that use it.
    const { buildMockSora } = await import('../../mock-sora/src/app.ts')
    const mockLogs = captureLogs('mock-sora')
    const app = await buildMockSora(config, { logger: mockLogs.logger })
    await app.listen({ port: 0, host: '127.0.0.1' })
    onCleanup(() => app.close())
    const address = app.server.address()
    if (!address || typeof address === 'string') throw new Error('mock-sora has no port')
    const url = `http://127.0.0.1:${address.port}`
    const client = createSoraClient({ baseUrl: url, apiKey: MOCK_SORA_KEY, timeoutMs: 5000 })
    const handle: RunningMockSora = {
      url,
      apiKey: MOCK_SORA_KEY,
      sampleVideo: config.MOCK_SORA_SAMPLE_VIDEO,
      sampleThumbnail: config.MOCK_SORA_THUMBNAIL,
      client,
      logLines: mockLogs.lines,
      fault: (fault) => post(`${url}/__mock/faults`, MOCK_SORA_KEY, fault),
      reset: () => post(`${url}/__mock/reset`, MOCK_SORA_KEY, {}),
      async state() {
        const res = await fetch(`${url}/__mock/state`)
        return MockState.parse(await res.json())
      },
      async creates() {
        return (await handle.state()).requests['POST /v1/videos'] ?? 0
      },
      async jobCount() {
        const list = await client.listVideos({ limit: 100 })
        if (!list.ok) throw new Error(`listing mock-sora jobs: ${list.kind} ${list.detail}`)
        return list.value.data.length
      },
    }
    return handle
  })
  /** The file's mock-sora, reset before the test so no fault or job leaks in from another. */
  .extend('sora', async ({ mockSora }) => {
    await mockSora.reset()
    return mockSora
  })
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('logs', async ({}) => captureLogs())
  .extend('user', async ({ db }): Promise<UserResponse> => {
    userSeq += 1
    const email = `worker-${userSeq}-${randomUUID().slice(0, 8)}@example.test`
    return upsertGoogleUser(db.pool, { sub: `sub-${email}`, email, name: `Worker ${userSeq}`, picture: null })
  })
  /** Inserts a charged, pending video for the user (as the API does on POST /videos/generate). */
  .extend('newVideo', async ({ db, user }) => {
    return async (referenceImageUrl: string | null = null): Promise<StoredVideo> => {
      const created = await createChargedVideo(db.pool, {
        userId: user.id,
        prompt: 'A cinematic product showcase with smooth camera movements',
        model: 'sora-2',
        referenceImageUrl,
      })
      if (!created.ok) throw new Error(created.detail)
      return created.value.video
    }
  })
  /** The worker's configuration for this test: its own queue prefix, aimed at the file's mock-sora. */
  .extend('workerEnv', async ({ db, uploadsDir, sora }): Promise<NodeJS.ProcessEnv> => {
    return {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      UPLOADS_DIR: uploadsDir,
      QUEUE_PREFIX: `test-${randomUUID()}`,
      USE_MOCK_SORA: 'true',
      MOCK_SORA_URL: sora.url,
      MOCK_SORA_API_KEY: sora.apiKey,
      SORA_SECONDS: '8',
      SORA_SIZE: '1280x720',
      SORA_POLL_INTERVAL_MS: '100',
      WORKER_CONCURRENCY: '4',
      HEARTBEAT_INTERVAL_MS: '500',
      LOG_LEVEL: 'info',
    }
  })
  /** Starts a worker (and a producer queue) with extra env; everything is closed and obliterated after. */
  .extend('startWorker', async ({ db, logs, workerEnv }, { onCleanup }) => {
    const runs: WorkerRun[] = []
    onCleanup(async () => {
      for (const run of runs) {
        await run.worker.close({ graceMs: 0 })
        await run.queue.obliterate({ force: true })
        await run.queue.close()
        await run.queueEvents.close()
      }
    })
    return async (env: NodeJS.ProcessEnv = {}, deps: Partial<VideoWorkerDeps> = {}): Promise<WorkerRun> => {
      const config = loadWorkerConfig({ ...workerEnv, ...env })
      const connection = { url: config.REDIS_URL }
      const queue = new Queue(QUEUE_NAME, { connection, prefix: config.QUEUE_PREFIX })
      const queueEvents = new QueueEvents(QUEUE_NAME, { connection, prefix: config.QUEUE_PREFIX })
      await queueEvents.waitUntilReady()
      const worker = await createVideoWorker(config, { pool: db.pool, logger: logs.logger, ...deps })
      const run: WorkerRun = {
        config,
        worker,
        queue,
        queueEvents,
        enqueue: (video, opts = {}) =>
          queue.add(
            JOB_NAME,
            {
              video_id: video.id,
              user_id: video.user_id,
              prompt: video.prompt,
              model: video.model,
              reference_image_url: video.reference_image_url,
            },
            jobOptions(video.id, opts.attempts ?? 1, opts.backoffMs ?? 50),
          ),
        async settle(job, deadlineMs = 30_000) {
          try {
            return {
              ok: true,
              value: (await job.waitUntilFinished(queueEvents, deadlineMs)) as ProcessedVideo,
            }
          } catch (error) {
            return { ok: false, error: error as Error }
          }
        },
      }
      runs.push(run)
      return run
    }
  })
