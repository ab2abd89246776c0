import { Job, Queue } from 'bullmq'
import { Redis } from 'ioredis'
import pg from 'pg'
import { type LogEntry, readLogEvents } from '../../harness/stack/log-events.ts'
import { MockSoraControl } from '../../harness/stack/mock-sora-control.ts'
import { logFileFor } from '../../harness/stack/run-dir.ts'
import { waitFor } from '../../harness/wait.ts'
import { jobIdFor, QUEUE_NAME } from '../../system/shared/queue.ts'
import type { LocalStackInfo } from '../setup/suite-target.ts'

/** A row of `videos` as the database holds it (read for BE-03/BE-07, never written). */
export interface VideoRow {
  id: number
  user_id: number
  prompt: string
  model: string
  status: string
  progress: number
  video_url: string | null
  duration: number | null
  resolution: string | null
  error_message: string | null
  created_at: Date
  updated_at: Date
}

/**
 * Stack control as a test file sees it: the stack runs in the global setup's process, so this holds
 * its own connections to the same database, queue and log files. Reads only, except mockSora control
 * and what a test does to its own users (e.g. credits for a load test).
 */
export class LocalStack {
  readonly db: pg.Pool
  readonly queue: Queue
  readonly mockSora: MockSoraControl
  private readonly redis: Redis

  constructor(readonly info: LocalStackInfo) {
    this.db = new pg.Pool({ connectionString: info.wiring.databaseUrl, max: 4 })
    this.db.on('error', () => {})
    this.redis = new Redis(info.wiring.redisUrl, { maxRetriesPerRequest: null })
    this.redis.on('error', () => {})
    this.queue = new Queue(QUEUE_NAME, { connection: this.redis, prefix: info.wiring.queuePrefix })
    this.queue.on('error', () => {})
    this.mockSora = new MockSoraControl(info.mockSoraUrl)
  }

  get uploadsDir(): string {
    return this.info.wiring.uploadsDir
  }

  /** The JSON events a stack service (`api`, `worker-1`, `mock-sora`, …) has logged so far. */
  logs(service: string): LogEntry[] {
    return readLogEvents(logFileFor(this.info.logDir, service))
  }

  async videoRow(id: number): Promise<VideoRow | undefined> {
    const { rows } = await this.db.query<VideoRow>(
      `SELECT id, user_id, prompt, model, status, progress, video_url, duration, resolution, error_message,
              created_at, updated_at
         FROM videos WHERE id = $1`,
      [id],
    )
    return rows[0]
  }

  async credits(userId: number): Promise<number> {
    const { rows } = await this.db.query<{ credits: number }>(
      'SELECT credits::float AS credits FROM users WHERE id = $1',
      [userId],
    )
    return rows[0]!.credits
  }

  async ledger(userId: number): Promise<Array<{ video_id: number | null; delta: number; reason: string }>> {
    const { rows } = await this.db.query(
      'SELECT video_id, delta::float AS delta, reason FROM credit_ledger WHERE user_id = $1 ORDER BY id',
      [userId],
    )
    return rows
  }

  /** Waits until no video of the stack is pending or processing (a test's jobs are then its own). */
  async quiet(deadlineMs: number): Promise<void> {
    await waitFor(
      async () => {
        const { rows } = await this.db.query<{ open: number }>(
          "SELECT count(*)::int AS open FROM videos WHERE status IN ('pending', 'processing')",
        )
        const open = rows[0]!.open
        return open === 0
          ? { done: true, value: undefined }
          : { done: false, seen: `${open} video(s) pending or processing` }
      },
      { deadlineMs, what: 'a quiet stack (no video pending or processing)', intervalMs: 100 },
    )
  }

  /** The BullMQ job of a video, or undefined when there is none (read-only); `prefix` for a side queue. */
  async job(videoId: number, prefix = this.info.wiring.queuePrefix): Promise<Job | undefined> {
    return (await Job.fromId(this.queueFor(prefix), jobIdFor(videoId))) ?? undefined
  }

  private readonly queues = new Map<string, Queue>()
  private queueFor(prefix: string): Queue {
    if (prefix === this.info.wiring.queuePrefix) return this.queue
    let q = this.queues.get(prefix)
    if (!q) {
      q = new Queue(QUEUE_NAME, { connection: this.redis, prefix })
      q.on('error', () => {})
      this.queues.set(prefix, q)
    }
    return q
  }

  async close(): Promise<void> {
    for (const q of [this.queue, ...this.queues.values()]) await q.close().catch(() => {})
    // quit, not disconnect: a command still in flight (BullMQ's start-up checks on a slow link, e.g. a
    // container's mapped port) gets its reply instead of an unhandled "Connection is closed".
    await this.redis.quit().catch(() => this.redis.disconnect())
    await this.db.end()
  }
}
