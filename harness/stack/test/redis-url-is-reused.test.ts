import { rmSync } from 'node:fs'
import { afterAll, describe, expect, inject, it, vi } from 'vitest'
import { ping } from '../infra/redis.ts'
import { standInStack } from './stand-ins.ts'

describe('with REDIS_URL set', () => {
  const dirs: string[] = []
  afterAll(() => {
    vi.unstubAllEnvs()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('reuses that Redis instead of starting one, and leaves it running at stop', async () => {
    const redisUrl = inject('redisUrl')
    vi.stubEnv('REDIS_URL', redisUrl)
    const { builder, recordDir, records } = standInStack({ redisFromEnv: true })
    dirs.push(recordDir)

    const stack = await builder.start()
    try {
      expect(stack.redisUrl).toBe(redisUrl)
      expect(stack.services).not.toContain('redis')
      expect(() => stack.service('redis')).toThrow(/redis was not started by this stack/)
      const given = records().filter((r) => r.role === 'api' || r.role === 'worker')
      expect(given.map((r) => r.env.REDIS_URL)).toEqual([redisUrl, redisUrl])
    } finally {
      await stack.stop()
    }
    expect(await ping(redisUrl)).toBe('PONG')
  })
})
