import { ping } from '../../stack/infra/redis.ts'
import { defineCheck, fail, fixFor, pass, skip } from '../define-check.ts'

const FIX =
  'start Redis (redis-server; `redis-cli ping` must answer PONG) and give the API and the worker its URL in REDIS_URL'
const FIX_DEPLOYMENT =
  "the deployment's Redis does not answer PONG: start it (`redis-cli ping` must answer PONG)"

/**
 * The guide's "is Redis up? (ping → PONG)": directly when its URL is known, else as the API's /health
 * reports it; a /health without a redis part leaves nothing to judge by (skip, saying so).
 */
export const redisPong = defineCheck(
  { id: 'redis-pong', title: 'Redis answers PONG', checklistId: 'DIAG-01' },
  async (ctx) => {
    const { redisUrl } = ctx.options
    const fix = fixFor(ctx, FIX, FIX_DEPLOYMENT)
    if (redisUrl) {
      const answer = await ping(redisUrl).catch((err: Error) => `no answer (${err.message})`)
      return answer === 'PONG' ? pass(`PING ${redisUrl} → PONG`) : fail(`PING ${redisUrl} → ${answer}`, fix)
    }
    const health = await ctx.health()
    if (!health.ok) return skip(`no --redis URL and the API's /health is not answering (${health.detail})`)
    const { redis } = health.value.health
    if (redis === undefined)
      return skip(
        "not offered: no --redis URL (TARGET_REDIS_URL) and the API's /health reports no redis part: nothing to ping",
      )
    return redis === 'ok'
      ? pass("the API's Redis answers PONG (reported by /health; pass --redis URL to ping it directly)")
      : fail(`the API's /health reports redis: ${redis}`, fix)
  },
)
