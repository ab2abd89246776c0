import request from 'supertest'
import { GuideVideo } from '../../harness/target/guide-schemas.ts'
import { waitFor } from '../../harness/wait.ts'
import { TERMINAL_STATUSES } from '../../system/shared/schemas/videos.ts'
import type { SignedInUser } from './sign-in.ts'

/** Polls GET /videos/{id} until the video is completed or failed (either is an answer here). */
export function waitForTerminal(
  apiUrl: string,
  user: SignedInUser,
  id: number,
  deadlineMs = 60_000,
): Promise<GuideVideo> {
  return waitFor(
    async () => {
      const res = await request(apiUrl).get(`/api/v1/videos/${id}`).set(user.auth).timeout(5000)
      if (res.status !== 200) return { done: false, seen: `HTTP ${res.status} ${res.text}` }
      const seen = GuideVideo.parse(res.body)
      return TERMINAL_STATUSES.includes(seen.status)
        ? { done: true, value: seen }
        : { done: false, seen: `${seen.status} ${seen.progress}%` }
    },
    { deadlineMs, intervalMs: 200, what: `video ${id} completed or failed` },
  )
}

/** Waits until the worker is inside the Sora wait for this video: processing, with a Sora job id. */
export function waitForSoraJob(
  db: { query: (sql: string, params: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> },
  id: number,
  deadlineMs = 30_000,
): Promise<string> {
  return waitFor(
    async () => {
      const { rows } = await db.query('SELECT status, sora_job_id FROM videos WHERE id = $1', [id])
      const row = rows[0] as { status: string; sora_job_id: string | null } | undefined
      return row?.status === 'processing' && row.sora_job_id
        ? { done: true, value: row.sora_job_id }
        : { done: false, seen: row ? `${row.status}, sora job ${row.sora_job_id}` : 'no row' }
    },
    { deadlineMs, intervalMs: 100, what: `video ${id} processing with a Sora job` },
  )
}
