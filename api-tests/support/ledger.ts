import request from 'supertest'
import { GuideUser, type GuideVideo, GuideVideoList } from '../../harness/target/guide-schemas.ts'
import type { TouchedUser } from '../../harness/target/user-pool.ts'
import { DeadlineError, waitFor } from '../../harness/wait.ts'
import { TERMINAL_STATUSES, VIDEO_COST } from '../../system/shared/schemas/videos.ts'

/**
 * The ledger over plain HTTP: once every video of a user is terminal, the balance is the start balance
 * less 10 for each video that did not fail. A failed video that was not refunded, a lost update, a
 * double charge or a video stuck before a terminal state all break it.
 */
export interface LedgerLine {
  userId: number
  startCredits: number
  balance: number
  videos: number
  failed: number
  expected: number
}

const authOf = (user: TouchedUser) => ({ authorization: `Bearer ${user.accessToken}` })

export async function allVideos(apiUrl: string, auth: { authorization: string }): Promise<GuideVideo[]> {
  const videos: GuideVideo[] = []
  for (let page = 1; ; page++) {
    const res = await request(apiUrl)
      .get(`/api/v1/videos?page=${page}&page_size=100`)
      .set(auth)
      .timeout(10_000)
    if (res.status !== 200) throw new Error(`GET /videos?page=${page} answered ${res.status}: ${res.text}`)
    const list = GuideVideoList.parse(res.body)
    videos.push(...list.videos)
    if (list.videos.length < 100) return videos
  }
}

/** This run's videos of a user, from the API it lives on (a prepared user's earlier ones left out). */
const runVideos = async (user: TouchedUser) =>
  (await allVideos(user.apiUrl, authOf(user))).filter((v) => !user.priorVideoIds?.includes(v.id))

/** A video that has not moved this long, while none of the others finished either, is stuck. */
export const stallMsFor = (soraDurationS: number) => (soraDurationS * 3 + 60) * 1000

/**
 * Waits until every video of these users is completed or failed. A backlog may take long on a slow
 * deployment, so the wait goes on while videos keep finishing; it gives up once none has moved for
 * `stallMs`, and answers those still open then: stuck.
 */
export async function waitUntilSettled(users: TouchedUser[], stallMs: number): Promise<string[]> {
  let lastOpen = ''
  let lastMove = Date.now()
  try {
    await waitFor(
      async () => {
        const lists = await Promise.all(users.map(runVideos))
        const open = lists
          .flat()
          .filter((v) => !TERMINAL_STATUSES.includes(v.status))
          .map((v) => `video ${v.id} of user ${v.user_id} ${v.status}`)
        const now = open.join(', ')
        if (now !== lastOpen) [lastOpen, lastMove] = [now, Date.now()]
        if (open.length === 0) return { done: true, value: [] }
        if (Date.now() - lastMove > stallMs) return { done: true, value: open }
        return { done: false, seen: `${open.length} open: ${now.slice(0, 300)}` }
      },
      { deadlineMs: 30 * 60_000, intervalMs: 1000, what: 'every video of the suite completed or failed' },
    )
  } catch (err) {
    if (err instanceof DeadlineError) return lastOpen.split(', ')
    throw err
  }
  return lastOpen ? lastOpen.split(', ') : []
}

export async function ledgerOf(user: TouchedUser): Promise<LedgerLine> {
  const videos = await runVideos(user)
  const me = await request(user.apiUrl).get('/api/v1/auth/me').set(authOf(user)).timeout(10_000)
  if (me.status !== 200) throw new Error(`GET /auth/me of user ${user.id} answered ${me.status}: ${me.text}`)
  const settled = videos.filter((v) => TERMINAL_STATUSES.includes(v.status))
  const failed = settled.filter((v) => v.status === 'failed').length
  return {
    userId: user.id,
    startCredits: user.startCredits,
    balance: GuideUser.parse(me.body).credits,
    videos: settled.length,
    failed,
    expected: user.startCredits - VIDEO_COST * (videos.length - failed),
  }
}

export const describeLedger = (l: LedgerLine) =>
  `user ${l.userId}: balance ${l.balance}, expected ${l.expected} (start ${l.startCredits} − 10 × ${l.videos - l.failed} videos not failed; ${l.failed} failed)`
