import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { fail, type Outcome, ok } from '../../../shared/outcome.ts'
import { type GenerateVideoJob, JOB_NAME, jobOptions, QUEUE_NAME } from '../../../shared/queue.ts'
import { withTimeout } from '../../../shared/with-timeout.ts'

/** The producer side of the video queue. Fails fast (no offline buffering) so a down Redis becomes a 503. */
export interface VideoQueue {
  enqueue(job: GenerateVideoJob): Promise<Outcome<{ jobId: string }, 'unavailable'>>
  ping(): Promise<boolean>
  close(): Promise<void>
}

const TIMEOUT_MS = 2000

export function createVideoQueue(cfg: {
  redisUrl: string
  prefix: string
  attempts: number
  backoffMs: number
}): VideoQueue {
  const connection = new Redis(cfg.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Keep trying to reconnect in the background; each request still fails at once while down.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  })
  connection.on('error', () => {})
  const queue = new Queue(QUEUE_NAME, { connection, prefix: cfg.prefix })
  queue.on('error', () => {})
  // Right after start (or a reconnect) the connection is not ready yet: give it a moment, not forever.
  // One shared wait per outage, not a listener per request.
  let readyWait: Promise<void> | undefined
  const ready = () => {
    if (connection.status === 'ready') return Promise.resolve()
    readyWait ??= new Promise<void>((resolve) =>
      connection.once('ready', () => {
        readyWait = undefined
        resolve()
      }),
    )
    return withTimeout(readyWait, TIMEOUT_MS, 'redis connection')
  }
  return {
    async enqueue(job) {
      try {
        await ready()
        const added = await withTimeout(
          queue.add(JOB_NAME, job, jobOptions(job.video_id, cfg.attempts, cfg.backoffMs)),
          TIMEOUT_MS,
          'enqueue',
        )
        return ok({ jobId: String(added.id) })
      } catch (err) {
        return fail('unavailable', (err as Error).message)
      }
    },
    async ping() {
      try {
        await ready()
        return (await withTimeout(connection.ping(), TIMEOUT_MS, 'redis ping')) === 'PONG'
      } catch {
        return false
      }
    },
    async close() {
      await queue.close().catch(() => {})
      // Cut mid-connect, ioredis's ready check would write to the closed stream (an unhandled rejection).
      if (connection.status === 'connecting' || connection.status === 'connect') await ready().catch(() => {})
      connection.disconnect()
    },
  }
}
