import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { type Job, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { createPool, type Pool } from '../../db/pool.ts'
import { markFailedAndRefund } from '../../db/videos.ts'
import { soraEndpoint, type WorkerConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import { createLogger, type Logger } from '../../shared/logger.ts'
import { GenerateVideoJob, JOB_NAME, QUEUE_NAME } from '../../shared/queue.ts'
import { userMessage } from './failures.ts'
import { startHeartbeat } from './heartbeat.ts'
import { type ProcessedVideo, processVideoJob } from './processor.ts'
import { displayRedisUrl } from './redis-url.ts'
import { createSoraClient, type SoraClient } from './sora-client.ts'

/**
 * The BullMQ worker of the `video-generation` queue: its own Redis connection, the processor, the
 * heartbeat key, and a close() that lets active jobs finish (or releases them after a grace period).
 * Locks expire after LOCK_DURATION_MS, so the job of a killed worker is picked up again by another.
 */
export interface VideoWorkerDeps {
  pool: Pool
  logger: Logger
  sora: SoraClient
  /** For remote reference images. */
  fetch: typeof globalThis.fetch
  workerId: string
}

export interface VideoWorker {
  readonly worker: Worker<unknown, ProcessedVideo>
  readonly id: string
  readonly heartbeatKey: string
  /** Stops taking jobs, waits up to `graceMs` for active ones, then releases the rest to other workers. */
  close(opts?: { graceMs?: number }): Promise<void>
}

export const DEFAULT_CLOSE_GRACE_MS = 10_000

export async function createVideoWorker(
  config: WorkerConfig,
  deps: Partial<VideoWorkerDeps> = {},
): Promise<VideoWorker> {
  const logger = deps.logger ?? createLogger('worker', config.LOG_LEVEL)
  const ownPool = !deps.pool
  const pool = deps.pool ?? createPool(config.DATABASE_URL)
  const endpoint = soraEndpoint(config)
  const sora =
    deps.sora ??
    createSoraClient({
      baseUrl: endpoint.baseUrl,
      apiKey: endpoint.apiKey,
      timeoutMs: config.SORA_REQUEST_TIMEOUT_MS,
    })
  const id = deps.workerId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
  const log = logger.child({ workerId: id })

  const redisShown = displayRedisUrl(config.REDIS_URL)
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false })
  connection.on('ready', () => {
    log.info({ event: LogEvent.workerConnected, redis: redisShown }, `Connected to ${redisShown}`)
  })
  connection.on('error', (err) => log.warn({ err: err.message }, `Redis connection problem: ${err.message}`))

  const processorDeps = {
    pool,
    sora,
    log, // every job line carries the workerId: which worker processed which video
    config,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  }
  const worker = new Worker<unknown, ProcessedVideo>(
    QUEUE_NAME,
    // Three declared parameters: BullMQ only passes the abort signal to a processor that takes it.
    (job, token, signal) => processVideoJob(job, processorDeps, { token, signal }),
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKER_CONCURRENCY,
      stalledInterval: config.STALLED_INTERVAL_MS,
      lockDuration: config.LOCK_DURATION_MS,
      autorun: false,
    },
  )
  worker.on('error', (err) => log.error({ err: err.message }, `Worker error: ${err.message}`))
  // A job BullMQ fails without our processor having settled it (stalled too often: BullMQ fails it with
  // an UnrecoverableError of its own; an unexpected throw on the last attempt) still owes the user a
  // refund. markFailedAndRefund refunds at most once and never touches a completed video.
  worker.on('failed', (job, err) => {
    if (!job) return
    const stalledOut = /stalled more than allowable limit/.test(err.message)
    const exhausted = err.name !== 'UnrecoverableError' && job.attemptsMade >= (job.opts.attempts ?? 1)
    if (stalledOut || exhausted) void settleAbandoned(job, err, pool, log, config.MAX_WAIT_SECONDS)
  })

  const heartbeat = startHeartbeat(connection, {
    prefix: config.QUEUE_PREFIX,
    workerId: id,
    intervalMs: config.HEARTBEAT_INTERVAL_MS,
    info: { pid: process.pid, host: hostname(), concurrency: config.WORKER_CONCURRENCY },
    onError: (err) => log.warn({ err: String(err) }, 'Heartbeat could not be written'),
  })

  void worker.run().catch((err) => log.error({ err: String(err) }, 'Worker stopped unexpectedly'))
  await worker.waitUntilReady()
  await heartbeat.beat()
  log.info(
    {
      event: LogEvent.workerReady,
      queue: QUEUE_NAME,
      task: JOB_NAME,
      concurrency: config.WORKER_CONCURRENCY,
    },
    'ready',
  )

  let closing: Promise<void> | undefined
  return {
    worker,
    id,
    heartbeatKey: heartbeat.key,
    close(opts = {}) {
      closing ??= (async () => {
        const grace = setTimeout(
          () => worker.cancelAllJobs('worker shutting down'),
          opts.graceMs ?? DEFAULT_CLOSE_GRACE_MS,
        )
        try {
          await worker.close()
        } finally {
          clearTimeout(grace)
          await heartbeat.stop()
          await connection.quit().catch(() => connection.disconnect())
          if (ownPool) await pool.end()
        }
      })()
      return closing
    },
  }
}

async function settleAbandoned(job: Job, err: Error, pool: Pool, log: Logger, maxWaitSeconds: number) {
  const payload = GenerateVideoJob.safeParse(job.data)
  if (!payload.success) return
  const message = userMessage('internal', err.message, maxWaitSeconds)
  try {
    if (await markFailedAndRefund(pool, payload.data.video_id, message)) {
      const ids = { jobId: job.id, videoId: payload.data.video_id, userId: payload.data.user_id }
      log.error({ event: LogEvent.jobFailed, ...ids, kind: 'internal', detail: err.message }, message)
      log.info({ event: LogEvent.videoRefunded, ...ids }, `Refunded credits to user ${payload.data.user_id}`)
    }
  } catch (e) {
    log.error({ err: String(e) }, 'Could not refund an abandoned job')
  }
}
