import { Redis } from 'ioredis'
import { describe, expect, inject } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { HEARTBEAT_TTL_S, heartbeatPattern } from '../../shared/queue.ts'
import { test } from './fixtures.ts'

/** Start-up lines of the guide's worker terminal, and the heartbeat /health counts workers by. */
describe('the worker lifecycle', () => {
  test('logs "Connected to redis://host:port/0" and then "ready"', async ({ logs, startWorker }) => {
    await startWorker()
    const connected = logs.lines.find((l) => l.event === LogEvent.workerConnected)
    const redis = new URL(inject('redisUrl'))
    expect(connected?.msg).toBe(`Connected to redis://${redis.hostname}:${redis.port}/0`)
    const events = logs.lines.map((l) => l.event)
    expect(events.indexOf(LogEvent.workerReady)).toBeGreaterThan(events.indexOf(LogEvent.workerConnected))
    expect(logs.lines.find((l) => l.event === LogEvent.workerReady)).toMatchObject({
      msg: 'ready',
      task: 'generate_video_task',
      queue: 'video-generation',
    })
  })

  test('keeps a heartbeat key with a TTL while running and deletes it on close', async ({ startWorker }) => {
    const run = await startWorker()
    const redis = new Redis(inject('redisUrl'))
    try {
      expect(await redis.keys(heartbeatPattern(run.config.QUEUE_PREFIX))).toEqual([run.worker.heartbeatKey])
      const ttl = await redis.ttl(run.worker.heartbeatKey)
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(HEARTBEAT_TTL_S)
      expect(JSON.parse((await redis.get(run.worker.heartbeatKey)) ?? '{}')).toMatchObject({
        workerId: run.worker.id,
        pid: process.pid,
      })
      await run.worker.close()
      expect(await redis.exists(run.worker.heartbeatKey)).toBe(0)
    } finally {
      redis.disconnect()
    }
  })
})
