import type { Redis } from 'ioredis'

/**
 * A fixed one-minute window per user in Redis. Fails open: when Redis is down the queue is down too,
 * and the generate route answers 503 on its own.
 */
export interface RateLimiter {
  allow(userId: number): Promise<boolean>
}

export function createRateLimiter(redis: Redis, prefix: string, perMinute: number): RateLimiter {
  return {
    async allow(userId) {
      if (perMinute <= 0) return true
      const key = `${prefix}:ratelimit:generate:${userId}:${Math.floor(Date.now() / 60_000)}`
      try {
        const [[, count]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[unknown, number]]
        return count <= perMinute
      } catch {
        return true
      }
    },
  }
}
