import { fail, type Outcome, ok } from '../shared/outcome.ts'
import type { ListVideosQuery, VideoResponse, VideoStatus } from '../shared/schemas/videos.ts'
import { VIDEO_COST } from '../shared/schemas/videos.ts'
import { inTransaction, type Pool } from './pool.ts'
import { getCredits } from './users.ts'

interface VideoRow extends Omit<VideoResponse, 'created_at' | 'updated_at'> {
  created_at: Date
  updated_at: Date
  sora_job_id: string | null
}

const COLUMNS = `id, user_id, prompt, model, reference_image_url, video_url, poster_url, status, progress,
  duration, resolution, error_message, sora_job_id, created_at, updated_at`

export type StoredVideo = VideoResponse & { sora_job_id: string | null }

const toVideo = (r: VideoRow): StoredVideo => ({
  ...r,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
})

/** The public shape: internal columns stripped. */
export function toVideoResponse({ sora_job_id: _, ...video }: StoredVideo): VideoResponse {
  return video
}

export interface NewVideo {
  userId: number
  prompt: string
  model: string
  referenceImageUrl: string | null
  idempotencyKey?: string | undefined
}

export type CreateOutcome = Outcome<
  { video: StoredVideo; replayed: boolean },
  'insufficient_credits' | 'user_not_found'
>

/**
 * The charge and the insert as one statement, so one round trip: the conditional UPDATE takes the user's
 * row lock (concurrent generates serialise on it; the balance never goes negative), and the video, its
 * ledger entry and its idempotency key are inserted only when it charged. A statement is atomic: a
 * failure anywhere (a repeated key included) charges nothing. Named, so each connection plans it once.
 */
const CHARGE_AND_INSERT = {
  name: 'videos.charge-and-insert',
  text: `WITH charged AS (
      UPDATE users SET credits = credits - $5 WHERE id = $1 AND credits >= $5 RETURNING id
    ), video AS (
      INSERT INTO videos (user_id, prompt, model, reference_image_url)
      SELECT id, $2, $3, $4 FROM charged RETURNING ${COLUMNS}
    ), ledger AS (
      INSERT INTO credit_ledger (user_id, video_id, delta, reason)
      SELECT user_id, id, -$5::numeric, 'generate' FROM video
    ), idempotency AS (
      INSERT INTO idempotency_keys (user_id, key, video_id)
      SELECT user_id, $6, id FROM video WHERE $6::text IS NOT NULL
    )
    SELECT * FROM video`,
}

const BY_IDEMPOTENCY_KEY = {
  name: 'videos.by-idempotency-key',
  text: `SELECT ${COLUMNS} FROM videos
    WHERE id = (SELECT video_id FROM idempotency_keys WHERE user_id = $1 AND key = $2)`,
}

async function videoForKey(pool: Pool, userId: number, key: string | undefined): Promise<StoredVideo | null> {
  if (!key) return null
  const { rows } = await pool.query<VideoRow>({ ...BY_IDEMPOTENCY_KEY, values: [userId, key] })
  return rows[0] ? toVideo(rows[0]) : null
}

/** SQLSTATE 23505 on the idempotency key's primary key: this user has used this key before. */
const isRepeatedKey = (err: unknown) =>
  (err as { code?: string; constraint?: string }).code === '23505' &&
  (err as { constraint?: string }).constraint === 'idempotency_keys_pkey'

/**
 * Inserts a pending video and charges its cost (CHARGE_AND_INSERT): one round trip. With an idempotency
 * key, a repeat (even a concurrent one) returns the first video and charges nothing: its statement fails
 * on the key, or finds no credits left after the first one took them, and the key's video is the answer.
 */
export async function createChargedVideo(pool: Pool, input: NewVideo): Promise<CreateOutcome> {
  const { userId, idempotencyKey } = input
  const replay = (video: StoredVideo) => ok({ video, replayed: true })
  try {
    const { rows } = await pool.query<VideoRow>({
      ...CHARGE_AND_INSERT,
      values: [
        userId,
        input.prompt,
        input.model,
        input.referenceImageUrl,
        VIDEO_COST,
        idempotencyKey ?? null,
      ],
    })
    if (rows[0]) return ok({ video: toVideo(rows[0]), replayed: false })
  } catch (err) {
    const first = isRepeatedKey(err) ? await videoForKey(pool, userId, idempotencyKey) : null
    if (first) return replay(first)
    throw err
  }
  // Nothing charged: a repeat whose first took the last credits is a replay, not a refusal.
  const first = await videoForKey(pool, userId, idempotencyKey)
  if (first) return replay(first)
  // The balance as read now, after the refusal (the UPDATE decided under the row lock).
  const credits = await getCredits(pool, userId)
  if (credits === null) return fail('user_not_found', `User ${userId} not found`)
  return fail(
    'insufficient_credits',
    `Insufficient credits. Required: ${VIDEO_COST.toFixed(1)}, Available: ${credits.toFixed(1)}`,
  )
}

/**
 * Undoes a charged video that never reached the queue: the row, its ledger entry and its key go, the
 * cost comes back. Used when the enqueue fails, so a 503 leaves nothing behind.
 */
export async function discardUnqueuedVideo(pool: Pool, videoId: number): Promise<void> {
  await inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ user_id: number }>(
      `DELETE FROM videos WHERE id = $1 AND status = 'pending' RETURNING user_id`,
      [videoId],
    )
    if (rows[0])
      await db.query('UPDATE users SET credits = credits + $2 WHERE id = $1', [rows[0].user_id, VIDEO_COST])
  })
}

const VIDEO_BY_ID = { name: 'videos.by-id', text: `SELECT ${COLUMNS} FROM videos WHERE id = $1` }
/** The video and its owner checked in one query: another user's video reads as absent. */
const OWN_VIDEO_BY_ID = {
  name: 'videos.own-by-id',
  text: `SELECT ${COLUMNS} FROM videos WHERE id = $1 AND user_id = $2`,
}

/** A video by id; with `userId`, only if it belongs to that user (others' videos look absent). */
export async function getVideo(pool: Pool, id: number, userId?: number): Promise<StoredVideo | null> {
  const { rows } =
    userId === undefined
      ? await pool.query<VideoRow>({ ...VIDEO_BY_ID, values: [id] })
      : await pool.query<VideoRow>({ ...OWN_VIDEO_BY_ID, values: [id, userId] })
  return rows[0] ? toVideo(rows[0]) : null
}

export async function listVideos(
  pool: Pool,
  userId: number,
  q: ListVideosQuery,
): Promise<{ videos: StoredVideo[]; total: number }> {
  const params: unknown[] = [userId]
  let where = 'user_id = $1'
  if (q.status_filter) {
    params.push(q.status_filter)
    where += ` AND status = $${params.length}`
  }
  const total = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM videos WHERE ${where}`, params)
  const page = await pool.query<VideoRow>(
    `SELECT ${COLUMNS} FROM videos WHERE ${where} ORDER BY created_at DESC, id DESC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.page_size, (q.page - 1) * q.page_size],
  )
  return { videos: page.rows.map(toVideo), total: Number(total.rows[0]?.n ?? 0) }
}

/** Marks a non-terminal video processing; returns false when it is already terminal (nothing to do). */
export async function markProcessing(pool: Pool, id: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE videos SET status = 'processing', updated_at = now()
      WHERE id = $1 AND status IN ('pending', 'processing')`,
    [id],
  )
  return rowCount === 1
}

export async function setSoraJob(pool: Pool, id: number, soraJobId: string): Promise<void> {
  await pool.query('UPDATE videos SET sora_job_id = $2, updated_at = now() WHERE id = $1', [id, soraJobId])
}

/** Mirrors Sora's progress; only moves forward and never touches a terminal video. */
export async function setProgress(pool: Pool, id: number, progress: number): Promise<void> {
  await pool.query(
    `UPDATE videos SET progress = $2, updated_at = now()
      WHERE id = $1 AND status = 'processing' AND progress < $2`,
    [id, Math.max(0, Math.min(100, Math.round(progress)))],
  )
}

export interface CompletedVideo {
  videoUrl: string
  posterUrl: string | null
  duration: number
  resolution: string
}

export async function markCompleted(pool: Pool, id: number, done: CompletedVideo): Promise<void> {
  await pool.query(
    `UPDATE videos SET status = 'completed', progress = 100, video_url = $2, poster_url = $3, duration = $4,
        resolution = $5, error_message = NULL, updated_at = now()
      WHERE id = $1 AND status <> 'failed'`,
    [id, done.videoUrl, done.posterUrl, done.duration, done.resolution],
  )
}

/**
 * Fails a video and refunds its cost exactly once: the ledger's unique (video_id, reason) index makes a
 * second refund a no-op, however many retries or workers get here. Returns whether a refund was made.
 */
export async function markFailedAndRefund(pool: Pool, id: number, errorMessage: string): Promise<boolean> {
  return inTransaction(pool, async (db) => {
    const updated = await db.query<{ user_id: number }>(
      `UPDATE videos SET status = 'failed', error_message = $2, updated_at = now()
        WHERE id = $1 AND status <> 'completed' RETURNING user_id`,
      [id, errorMessage.slice(0, 1000)],
    )
    const userId = updated.rows[0]?.user_id
    if (userId === undefined) return false
    const refund = await db.query(
      `INSERT INTO credit_ledger (user_id, video_id, delta, reason) VALUES ($1, $2, $3, 'refund')
       ON CONFLICT (video_id, reason) WHERE video_id IS NOT NULL DO NOTHING`,
      [userId, id, VIDEO_COST],
    )
    if (refund.rowCount !== 1) return false
    await db.query('UPDATE users SET credits = credits + $2 WHERE id = $1', [userId, VIDEO_COST])
    return true
  })
}

export type { VideoStatus }
