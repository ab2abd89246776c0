import { HEARTBEAT_TTL_S } from '../../../system/shared/queue.ts'
import type { DoctorContext } from '../context.ts'
import { defineCheck, fail, fixFor, pass, skip } from '../define-check.ts'

const START_WORKER =
  'start the worker (npm start does; alone: node --import tsx system/worker/src/server.ts) with the same REDIS_URL and QUEUE_PREFIX as the API; its log must say "Connected to redis://…" and "ready"'
const START_DEPLOYMENT_WORKER =
  "no worker finishes the API's videos: start the deployment's worker on the same queue (Redis) as its API"

/**
 * The guide's "is the worker running, does its log say ready?": a ready worker refreshes a heartbeat
 * key in Redis every few seconds and /health counts the fresh ones. A /health without that count
 * leaves one proof: a video generated now that finishes.
 */
export const workerReady = defineCheck(
  { id: 'worker-ready', title: 'Worker alive and ready', checklistId: 'DIAG-01' },
  async (ctx) => {
    const health = await ctx.health()
    if (!health.ok) return skip(`the API's /health is not answering (${health.detail})`)
    const h = health.value.health
    if (h.workers === undefined) return byFinishedVideo(ctx)
    if (h.workers >= 1)
      return pass(
        `${h.workers} live worker(s): heartbeat fresh within ${HEARTBEAT_TTL_S} s, so connected and ready`,
      )
    if (h.redis !== 'ok')
      return fail(
        'no live worker heartbeat can be read: Redis is down',
        fixFor(
          ctx,
          'start Redis first (see above); the worker reconnects by itself and logs "ready" again',
          "the deployment's Redis is down (see above): its worker cannot take jobs until it is back",
        ),
      )
    return fail(
      `no live worker: no heartbeat in the last ${HEARTBEAT_TTL_S} s`,
      fixFor(ctx, START_WORKER, START_DEPLOYMENT_WORKER),
    )
  },
)

async function byFinishedVideo(ctx: DoctorContext) {
  const noCount = "the API's /health gives no worker count"
  const video = await ctx.finishedVideo()
  if (video.ok)
    return video.value.source === 'generated'
      ? pass(`${noCount}, but a video generated now finished (${video.value.fileUrl}): a worker runs`)
      : skip(`${noCount} and the finished video was not made now (${video.value.source}): cannot tell`)
  if (video.kind === 'generate_failed' || video.kind === 'timeout')
    return fail(
      `${noCount} and a video generated now did not finish: ${video.detail}`,
      fixFor(ctx, START_WORKER, START_DEPLOYMENT_WORKER),
    )
  return skip(
    `not offered: ${noCount}; a worker can only be judged from a video finishing, and none could be made (${video.detail})`,
  )
}
