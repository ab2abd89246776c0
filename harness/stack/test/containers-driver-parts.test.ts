import { describe, expect, it } from 'vitest'
import { serviceNameOf } from '../containers/compose-names.ts'
import { composeOverride } from '../containers/compose-override.ts'
import { timestampNs } from '../containers/container-log.ts'
import { driverFromEnv, StackBuilder } from '../stack-builder.ts'

/** The containers driver's parts that need no Docker engine (npm run test:containers runs the rest). */
describe('containers driver parts', () => {
  it('reads STACK and refuses an unknown driver', () => {
    expect(driverFromEnv({})).toBeUndefined()
    expect(driverFromEnv({ STACK: 'containers' })).toBe('containers')
    expect(() => driverFromEnv({ STACK: 'kubernetes' })).toThrow(/STACK=kubernetes is not a driver/)
  })

  it('lets STACK win over the code’s withDriver(), and refuses what only the local driver does', async () => {
    const start = new StackBuilder({ STACK: 'containers', REDIS_URL: 'redis://127.0.0.1:1/0' })
      .withDriver('local')
      .start()
    await expect(start).rejects.toThrow(/containers start their own Redis and PostgreSQL/)
    const stand_in = new StackBuilder({ STACK: 'containers' }).withEntry('api', 'x.ts').start()
    await expect(stand_in).rejects.toThrow(/withEntry\('api', …\) is for the local driver/)
  })

  it('names scaled workers worker-n after their compose container number', () => {
    const labels = (service: string, n: string) => ({
      'com.docker.compose.service': service,
      'com.docker.compose.container-number': n,
    })
    expect(serviceNameOf(labels('worker', '3'))).toBe('worker-3')
    expect(serviceNameOf(labels('api', '1'))).toBe('api')
    expect(serviceNameOf({})).toBeUndefined()
  })

  it('orders the engine’s log timestamps to the nanosecond', () => {
    const a = timestampNs('2026-11-27T21:34:34.89012345Z')
    const b = timestampNs('2026-11-27T21:34:34.890123451Z')
    expect(a).toBe(BigInt(Date.parse('2026-11-27T21:34:34Z')) * 1_000_000n + 890_123_450n)
    expect(b! > a!).toBe(true)
    expect(timestampNs('2026-11-27T21:34:35Z')! > b!).toBe(true)
    expect(timestampNs('not a time')).toBeUndefined()
  })

  it('writes an override that mounts the uploads, adds role env literally and makes Redis persistent', () => {
    const text = composeOverride({
      roleEnv: {
        api: { GENERATE_RATE_LIMIT_PER_MIN: '0', SECRET: 'a$b' },
        worker: {},
        web: {},
        'mock-sora': {},
        'mock-google': {},
      },
      uploadsDir: '/tmp/up',
      user: '1000:1000',
      redisPersistence: true,
    })
    const { services } = JSON.parse(text)
    expect(services.api.environment).toEqual({ GENERATE_RATE_LIMIT_PER_MIN: '0', SECRET: 'a$$b' })
    expect(services.api.volumes).toEqual(['/tmp/up:/data/uploads'])
    expect(services.worker).toEqual({ volumes: ['/tmp/up:/data/uploads'], user: '1000:1000' })
    expect(services.web).toBeUndefined()
    expect(services.redis.command).toContain('--appendfsync')
  })
})
