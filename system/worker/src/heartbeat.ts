import type { Redis } from 'ioredis'
import { HEARTBEAT_TTL_S, heartbeatKey } from '../../shared/queue.ts'

/**
 * A live worker keeps `{prefix}:workers:{id}` alive with a TTL; /health and the doctor count these keys.
 * A killed worker's key expires on its own, a closed one deletes it.
 */
export interface Heartbeat {
  readonly key: string
  /** Writes the key now (also done every interval). */
  beat(): Promise<void>
  stop(): Promise<void>
}

export interface HeartbeatOptions {
  prefix: string
  workerId: string
  intervalMs: number
  ttlS?: number
  /** Stored as the key's value, for whoever lists the workers. */
  info?: Record<string, unknown>
  onError?: (err: unknown) => void
}

export function startHeartbeat(redis: Redis, opts: HeartbeatOptions): Heartbeat {
  const key = heartbeatKey(opts.prefix, opts.workerId)
  const ttl = opts.ttlS ?? HEARTBEAT_TTL_S
  const value = JSON.stringify({ workerId: opts.workerId, startedAt: new Date().toISOString(), ...opts.info })
  let stopped = false
  const beat = async () => {
    if (stopped) return
    try {
      await redis.set(key, value, 'EX', ttl)
    } catch (err) {
      opts.onError?.(err)
    }
  }
  const timer = setInterval(beat, opts.intervalMs)
  timer.unref()
  void beat()
  return {
    key,
    beat,
    async stop() {
      stopped = true
      clearInterval(timer)
      try {
        await redis.del(key)
      } catch (err) {
        opts.onError?.(err)
      }
    },
  }
}
