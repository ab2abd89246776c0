import { randomUUID } from 'node:crypto'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import type { StartedStack } from '../stack/started-stack.ts'
import type { BenchSettings } from './settings.ts'
import type { BenchFigure } from './table.ts'
import { balances, benchUsers } from './users.ts'
import { videoTimes } from './videos-db.ts'

const PROMPT = 'A cinematic product showcase with smooth camera movements, professional lighting'
/** How long a round may take before its unfinished videos count as misses. */
const ROUND_DEADLINE_MS = 30_000

/**
 * Concurrency: `concurrencyUsers` users each press Generate at the same moment, with the guide's 10 s
 * mock and the worker's default settings. Per round: the time from the requests going out to the last
 * video completed (target ≤ 12 s), and whether each user was charged exactly 10 with the ledger summing
 * to the balance.
 */
export async function concurrencyFigures(
  stack: StartedStack,
  settings: BenchSettings,
  report: (f: BenchFigure) => void,
): Promise<void> {
  const users = await benchUsers(stack, settings.concurrencyUsers, VIDEO_COST * settings.runs)
  const ids = users.map((u) => u.id)
  const allDone: number[] = []
  const creditErrors: number[] = []
  const problems: string[] = []
  for (let round = 0; round < settings.runs; round += 1) {
    const before = await balances(stack, ids)
    const t0 = Date.now()
    const answers = await Promise.all(
      users.map((u) =>
        fetch(`${stack.urls.api}/api/v1/videos/generate`, {
          method: 'POST',
          headers: { ...u.auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ prompt: PROMPT, model: 'sora-2' }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: number } })),
      ),
    )
    const refused = answers.filter((a) => a.status !== 201)
    if (refused.length) problems.push(`round ${round + 1}: ${refused.length} generates not 201`)
    const videoIds = answers.flatMap((a) => (a.status === 201 && a.body.id ? [a.body.id] : []))
    let rows = await videoTimes(stack, videoIds)
    while (
      Date.now() - t0 < ROUND_DEADLINE_MS &&
      rows.some((r) => r.status !== 'completed' && r.status !== 'failed')
    ) {
      await new Promise((r) => setTimeout(r, 100))
      rows = await videoTimes(stack, videoIds)
    }
    const completed = rows.filter((r) => r.status === 'completed')
    const complete = completed.length === users.length
    if (!complete)
      problems.push(
        `round ${round + 1}: ${completed.length}/${users.length} completed within ${ROUND_DEADLINE_MS / 1000} s`,
      )
    allDone.push(complete ? (Math.max(...completed.map((r) => r.updatedMs)) - t0) / 1000 : Number.NaN)

    const after = await balances(stack, ids)
    const wrong = ids.filter((id) => {
      const b = before.get(id)
      const a = after.get(id)
      return !b || !a || a.balance !== b.balance - VIDEO_COST || Math.abs(a.ledger - a.balance) > 1e-6
    })
    creditErrors.push(wrong.length)
  }
  const group = `Concurrency (${settings.concurrencyUsers} users at once, ${settings.soraDurationS} s mock)`
  report({
    group,
    name: 'all completed within',
    unit: 's',
    target: { op: '<=', value: 12 },
    guide: { op: '<', value: 20 },
    runs: allDone,
    ...(problems.length ? { note: problems.join('; ') } : {}),
  })
  report({
    group,
    name: 'users not charged exactly 10 (ledger ≠ balance)',
    unit: 'users',
    target: { op: '<=', value: 0 },
    guide: null,
    runs: creditErrors,
  })
}
