import { redisPong } from '../../harness/doctor/checks/redis-pong.ts'
import { workerReady } from '../../harness/doctor/checks/worker-ready.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectPassUnlessNotOffered, referenceOnly, suiteDoctor } from '../support/doctor-on-target.ts'

describe('doctor: is the task able to run?', () => {
  test('finds Redis answering PONG and a live, ready worker @DIAG-01', async ({ suite, skip, annotate }) => {
    const ctx = suiteDoctor(suite)
    const redis = await redisPong.run(ctx)
    const worker = await workerReady.run(ctx)
    await expectPassUnlessNotOffered(suite, { skip, annotate }, redis, worker)
    if (suite.redisUrl) expect(redis.detail).toContain('→ PONG')
  })

  test('fails the Redis check with its fix when Redis does not answer @DIAG-01', async ({
    suite,
    skip,
    annotate,
  }) => {
    await referenceOnly(suite, { skip, annotate })
    const redis = await redisPong.run(suiteDoctor(suite, { redisUrl: 'redis://127.0.0.1:1/0' }))
    expect(redis.status).toBe('fail')
    expect(redis.fix).toMatch(/start Redis/)
  })
})
