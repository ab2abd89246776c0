import { ping } from '../../stack/infra/redis.ts'
import { defineCheck, fail, pass, skip } from '../check.ts'

const FIX =
  'start Redis (redis-server; `redis-cli ping` must answer PONG) and give the API and the worker its URL in REDIS_URL'

/** The guide's "is Redis up? (ping → PONG)": directly when its URL is known, else as the API sees it. */
export const redisPong = defineCheck(
  { id: 'redis-pong', title: 'Redis answers PONG', checklistId: 'DIAG-01' },
  async (ctx) => {
    const { redisUrl } = ctx.options
    if (redisUrl) {
      const answer = await ping(redisUrl).catch((err: Error) => `no answer (${err.message})`)
      return answer === 'PONG' ? pass(`PING ${redisUrl} → PONG`) : fail(`PING ${redisUrl} → ${answer}`, FIX)
    }
    const health = await ctx.health()
    if (!health.ok) return skip(`no --redis URL and the API's /health is not answering (${health.detail})`)
    return health.value.health.redis === 'ok'
      ? pass("the API's Redis answers PONG (reported by /health; pass --redis URL to ping it directly)")
      : fail(`the API's /health reports redis: ${health.value.health.redis}`, FIX)
  },
)
