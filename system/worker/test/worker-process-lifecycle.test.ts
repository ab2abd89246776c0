import { Redis } from 'ioredis'
import { describe, expect, inject, onTestFinished } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { heartbeatPattern } from '../../shared/queue.ts'
import { test } from './fixtures.ts'
import { waitUntil } from './wait-until.ts'
import { spawnWorkerProcess } from './worker-process.ts'

/** The entry point as an operator runs it: configuration errors, start-up lines, a clean SIGTERM stop. */
describe('the worker process', () => {
  test('refuses to start in real mode without OPENAI_API_KEY, saying why on stderr', async () => {
    const proc = spawnWorkerProcess({ USE_MOCK_SORA: 'false' })
    onTestFinished(() => proc.kill())
    expect(await proc.exited).toBe(1)
    expect(proc.stderr.join('\n')).toMatch(/OPENAI_API_KEY: required when USE_MOCK_SORA=false/)
  })

  test('comes up ready, then on SIGTERM logs its stop, removes its heartbeat and exits 0', async ({
    workerEnv,
  }) => {
    const proc = spawnWorkerProcess(workerEnv)
    onTestFinished(() => proc.kill())
    await waitUntil(
      async () =>
        proc.lines.some((l) => l.event === LogEvent.workerReady) ? true : `${proc.lines.length} lines`,
      { deadlineMs: 20_000, what: 'the worker process to log ready' },
    )
    const redis = new Redis(inject('redisUrl'))
    onTestFinished(() => redis.disconnect())
    const pattern = heartbeatPattern(workerEnv.QUEUE_PREFIX!)
    expect(await redis.keys(pattern)).toHaveLength(1)

    proc.child.kill('SIGTERM')
    expect(await proc.exited).toBe(0)
    expect(proc.lines.map((l) => l.event)).toContain(LogEvent.serviceStopping)
    expect(await redis.keys(pattern)).toEqual([])
    const text = proc.lines.map((l) => JSON.stringify(l)).join('\n')
    expect(text).not.toContain(workerEnv.MOCK_SORA_API_KEY)
  })
})
