import { HEARTBEAT_TTL_S } from '../../../system/shared/queue.ts'
import { defineCheck, fail, pass, skip } from '../check.ts'

/**
 * The guide's "is the worker running, does its log say ready?": a ready worker refreshes a heartbeat
 * key in Redis every few seconds and /health counts the fresh ones.
 */
export const workerReady = defineCheck(
  { id: 'worker-ready', title: 'Worker alive and ready', checklistId: 'DIAG-01' },
  async (ctx) => {
    const health = await ctx.health()
    if (!health.ok) return skip(`the API's /health is not answering (${health.detail})`)
    const h = health.value.health
    if (h.workers >= 1)
      return pass(
        `${h.workers} live worker(s): heartbeat fresh within ${HEARTBEAT_TTL_S} s, so connected and ready`,
      )
    if (h.redis !== 'ok')
      return fail(
        'no live worker heartbeat can be read: Redis is down',
        'start Redis first (see above); the worker reconnects by itself and logs "ready" again',
      )
    return fail(
      `no live worker: no heartbeat in the last ${HEARTBEAT_TTL_S} s`,
      'start the worker (npm start does; alone: node --import tsx system/worker/src/server.ts) with the same REDIS_URL and QUEUE_PREFIX as the API; its log must say "Connected to redis://…" and "ready"',
    )
  },
)
