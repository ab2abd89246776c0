import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import * as allure from 'allure-js-commons'
import { expect } from 'vitest'
import type { LocalStack } from '../../api-tests/support/local-stack.ts'
import { waitFor } from '../../harness/wait.ts'
import { VIDEO_COST, videoFileName } from '../../system/shared/schemas/videos.ts'

/**
 * The check every reliability scenario ends with (DESIGN.md: credits are a ledger):
 * - every video of the scenario's users is terminal (completed or failed);
 * - per user, `initial = balance + 10 × (videos not refunded)`, where `initial` is what the user was
 *   given (100 at sign-up, or a test's adjustment), each video charged exactly once, each failed video
 *   refunded exactly once, no completed video refunded, and the ledger sums to the balance;
 * - no duplicate files: each completed video has exactly its one `user_{uid}_video_{vid}.mp4`, a failed
 *   one none, and no half-written `.part` file is left;
 * - no job left in the queue: waiting, active, delayed, prioritized and paused all 0.
 */
export interface UserLedger {
  userId: number
  initial: number
  balance: number
  videos: number
  completed: number
  failed: number
  refunded: number
}

const QUEUED_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const

export async function expectCreditInvariant(
  stack: LocalStack,
  userIds: number[],
  opts: { deadlineMs?: number } = {},
): Promise<UserLedger[]> {
  const deadlineMs = opts.deadlineMs ?? 60_000
  await waitFor(
    async () => {
      const { rows } = await stack.db.query<{ id: number; status: string }>(
        `SELECT id, status FROM videos WHERE user_id = ANY($1::int[]) AND status NOT IN ('completed', 'failed')`,
        [userIds],
      )
      return rows.length === 0
        ? { done: true, value: true }
        : { done: false, seen: rows.map((r) => `video ${r.id} ${r.status}`).join(', ') }
    },
    { deadlineMs, intervalMs: 200, what: 'every video of the scenario terminal' },
  )
  const counts = await waitFor(
    async () => {
      const c = await stack.queue.getJobCounts(...QUEUED_STATES)
      const left = Object.entries(c).filter(([, n]) => n > 0)
      return left.length === 0
        ? { done: true, value: c }
        : { done: false, seen: left.map(([s, n]) => `${n} ${s}`).join(', ') }
    },
    { deadlineMs: 15_000, intervalMs: 200, what: 'no job left in the queue' },
  )

  const files = readdirSync(join(stack.uploadsDir, 'videos'))
  const ledgers: UserLedger[] = []
  for (const userId of userIds) {
    const videos = (
      await stack.db.query<{ id: number; status: string }>(
        'SELECT id, status FROM videos WHERE user_id = $1 ORDER BY id',
        [userId],
      )
    ).rows
    const ledger = (
      await stack.db.query<{ video_id: number | null; delta: number; reason: string }>(
        'SELECT video_id, delta::float AS delta, reason FROM credit_ledger WHERE user_id = $1 ORDER BY id',
        [userId],
      )
    ).rows
    const balance = await stack.credits(userId)
    const initial = ledger.filter((l) => l.reason === 'signup').reduce((s, l) => s + l.delta, 0)
    const charges = ledger.filter((l) => l.reason === 'generate')
    const refunds = ledger.filter((l) => l.reason === 'refund')
    const failed = videos.filter((v) => v.status === 'failed')
    const completed = videos.filter((v) => v.status === 'completed')
    const who = `user ${userId}`

    // Each video charged exactly once, by 10; each failed video refunded exactly once, nothing else.
    expect(charges.map((c) => c.video_id).sort(), `${who}: one charge per video`).toEqual(
      videos.map((v) => v.id).sort(),
    )
    expect(new Set(charges.map((c) => c.delta)), `${who}: each charge is -10`).toEqual(
      new Set(videos.length ? [-VIDEO_COST] : []),
    )
    expect(refunds.map((r) => r.video_id).sort(), `${who}: one refund per failed video, no other`).toEqual(
      failed.map((v) => v.id).sort(),
    )
    expect(
      refunds.every((r) => r.delta === VIDEO_COST),
      `${who}: each refund is +10`,
    ).toBe(true)
    const notRefunded = videos.length - refunds.length
    expect(balance, `${who}: ${initial} = balance + 10 × ${notRefunded} videos not refunded`).toBe(
      initial - VIDEO_COST * notRefunded,
    )
    expect(
      ledger.reduce((s, l) => s + l.delta, 0),
      `${who}: the ledger sums to the balance`,
    ).toBeCloseTo(balance, 6)

    // Files: exactly one per completed video, none for a failed one, no half-written leftovers.
    const own = files.filter((f) => f.startsWith(`user_${userId}_video_`))
    const mp4s = own.filter((f) => f.endsWith('.mp4')).sort()
    expect(mp4s, `${who}: one file per completed video`).toEqual(
      completed.map((v) => videoFileName(userId, v.id)).sort(),
    )
    expect(
      own.filter((f) => f.endsWith('.part')),
      `${who}: no half-written download left`,
    ).toEqual([])

    ledgers.push({
      userId,
      initial,
      balance,
      videos: videos.length,
      completed: completed.length,
      failed: failed.length,
      refunded: refunds.length,
    })
  }
  await allure.attachment(
    'credit invariant',
    JSON.stringify({ users: ledgers, queue: counts }, null, 2),
    'application/json',
  )
  return ledgers
}
