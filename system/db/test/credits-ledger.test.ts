import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freshDatabase } from '../../../harness/stack/infra/fresh-database.ts'
import type { Pool } from '../pool.ts'
import { getCredits, setCreditsForTest, upsertGoogleUser } from '../users.ts'
import { createChargedVideo, discardUnqueuedVideo, getVideo, markFailedAndRefund } from '../videos.ts'

let db: Awaited<ReturnType<typeof freshDatabase>>
let pool: Pool
let n = 0
const newUser = () => {
  n += 1
  return upsertGoogleUser(pool, { sub: `s${n}`, email: `u${n}@example.test`, name: `U ${n}`, picture: null })
}
const ledgerSum = async (userId: number) =>
  Number(
    (await pool.query('SELECT COALESCE(sum(delta), 0) AS s FROM credit_ledger WHERE user_id = $1', [userId]))
      .rows[0].s,
  )
const video = (userId: number, idempotencyKey?: string) =>
  createChargedVideo(pool, {
    userId,
    prompt: 'a prompt long enough',
    model: 'sora-2',
    referenceImageUrl: null,
    idempotencyKey,
  })

beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'))
  pool = db.pool
})
afterAll(() => db.drop())

describe('credit ledger', () => {
  it('gives a new user 100.0 credits, recorded in the ledger', async () => {
    const user = await newUser()
    expect(user.credits).toBe(100)
    expect(await ledgerSum(user.id)).toBe(100)
  })

  it('charges 10 with the pending video insert', async () => {
    const user = await newUser()
    const created = await video(user.id)
    expect(created.ok && created.value.video.status).toBe('pending')
    expect(await getCredits(pool, user.id)).toBe(90)
    expect(await ledgerSum(user.id)).toBe(90)
  })

  it('accepts exactly 5 of 20 concurrent generates at 50 credits and ends at 0', async () => {
    const user = await newUser()
    await setCreditsForTest(pool, user.id, 50)
    const results = await Promise.all(Array.from({ length: 20 }, () => video(user.id)))
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    expect(results.filter((r) => !r.ok && r.kind === 'insufficient_credits')).toHaveLength(15)
    expect(await getCredits(pool, user.id)).toBe(0)
    expect(await ledgerSum(user.id)).toBe(0)
  })

  it('refuses with the exact detail text when the balance is short', async () => {
    const user = await newUser()
    await setCreditsForTest(pool, user.id, 0)
    const r = await video(user.id)
    expect(r).toEqual({
      ok: false,
      kind: 'insufficient_credits',
      detail: 'Insufficient credits. Required: 10.0, Available: 0.0',
    })
  })

  it('refunds a failed video exactly once, however often it is failed', async () => {
    const user = await newUser()
    const r = await video(user.id)
    if (!r.ok) throw new Error(r.detail)
    const refunds = await Promise.all(
      [1, 2, 3].map(() => markFailedAndRefund(pool, r.value.video.id, 'boom')),
    )
    expect(refunds.filter(Boolean)).toHaveLength(1)
    expect(await getCredits(pool, user.id)).toBe(100)
    expect(await ledgerSum(user.id)).toBe(100)
    expect((await getVideo(pool, r.value.video.id))?.status).toBe('failed')
  })

  it('returns the same video and charges once for a repeated idempotency key, even concurrently', async () => {
    const user = await newUser()
    const results = await Promise.all([1, 2, 3, 4].map(() => video(user.id, 'key-1')))
    const ids = new Set(results.map((r) => (r.ok ? r.value.video.id : -1)))
    expect(ids.size).toBe(1)
    expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1)
    expect(await getCredits(pool, user.id)).toBe(90)
  })

  it('replays, not refuses, concurrent repeats of a key when the first takes the last 10 credits', async () => {
    const user = await newUser()
    await setCreditsForTest(pool, user.id, 10)
    const results = await Promise.all([1, 2, 3, 4].map(() => video(user.id, 'last-credits')))
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true])
    expect(new Set(results.map((r) => (r.ok ? r.value.video.id : -1))).size).toBe(1)
    expect(await getCredits(pool, user.id)).toBe(0)
    expect(await ledgerSum(user.id)).toBe(0)
  })

  it('refuses a user who is not there, charging nobody', async () => {
    expect(await video(2_000_000_000)).toMatchObject({ ok: false, kind: 'user_not_found' })
  })

  it('discards an unqueued video leaving no row and the credits restored', async () => {
    const user = await newUser()
    const r = await video(user.id)
    if (!r.ok) throw new Error(r.detail)
    await discardUnqueuedVideo(pool, r.value.video.id)
    expect(await getVideo(pool, r.value.video.id)).toBeNull()
    expect(await getCredits(pool, user.id)).toBe(100)
    expect(await ledgerSum(user.id)).toBe(100)
  })
})
