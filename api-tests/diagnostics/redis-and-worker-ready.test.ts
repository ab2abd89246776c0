import { redisPong } from '../../harness/doctor/checks/redis-pong.ts'
import { workerReady } from '../../harness/doctor/checks/worker-ready.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { doctorFor } from '../support/doctor.ts'

describe('doctor: is the task able to run?', () => {
  test('finds Redis answering PONG and a live, ready worker @DIAG-01', async ({ suite }) => {
    const ctx = doctorFor(suite)
    const redis = await redisPong.run(ctx)
    const worker = await workerReady.run(ctx)
    expect(redis, redis.detail).toMatchObject({ status: 'pass' })
    if (suite.redisUrl) expect(redis.detail).toContain('→ PONG')
    expect(worker, worker.detail).toMatchObject({ status: 'pass' })
  })

  test('fails the Redis check with its fix when Redis does not answer @DIAG-01', async ({ suite }) => {
    const redis = await redisPong.run(doctorFor(suite, { redisUrl: 'redis://127.0.0.1:1/0' }))
    expect(redis.status).toBe('fail')
    expect(redis.fix).toMatch(/start Redis/)
  })
})
