import { describe, expect, it } from 'vitest'
import { startMock } from './helper.ts'

describe('fault: slow', () => {
  it('makes the next job take duration_s instead of MOCK_SORA_DURATION_S', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    await mock.armFault({ mode: 'slow', duration_s: 30 })
    const slow = await mock.createVideo()
    const normal = await mock.createVideo()
    mock.clock.advanceS(10)
    expect(await mock.getVideo(slow.id)).toMatchObject({ status: 'in_progress', progress: 30 })
    expect((await mock.getVideo(normal.id)).status).toBe('completed')
    mock.clock.advanceS(20)
    expect(await mock.getVideo(slow.id)).toMatchObject({ status: 'completed', progress: 100 })
  })

  it('defaults to three times the normal duration', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    const armed = (await mock.armFault({ mode: 'slow' })).json()
    expect(armed.armed.duration_s).toBe(30)
  })

  it('combines with fail: a slow job can also fail at its end', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    await mock.armFault({ mode: 'slow', duration_s: 20 })
    await mock.armFault({ mode: 'fail' })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(19)
    expect((await mock.getVideo(id)).status).toBe('in_progress')
    mock.clock.advanceS(1)
    expect((await mock.getVideo(id)).status).toBe('failed')
  })

  it('with prompt_contains, steers only the jobs whose prompt contains it, for as long as it is armed', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    await mock.armFault({ mode: 'slow', duration_s: 1, count: -1, prompt_contains: '[test a1]' })
    const other = await mock.createVideo({ prompt: 'A calm lake at dawn' })
    const own = await mock.createVideo({ prompt: 'A calm lake at dawn [test a1]' })
    const ownAgain = await mock.createVideo({ prompt: 'A storm over the lake [test a1]' })
    mock.clock.advanceS(1)
    expect((await mock.getVideo(own.id)).status).toBe('completed')
    expect((await mock.getVideo(ownAgain.id)).status).toBe('completed')
    expect((await mock.getVideo(other.id)).status).toBe('in_progress')
  })

  it('refuses prompt_contains on a fault that answers HTTP calls, not jobs', async () => {
    const mock = await startMock()
    const res = await mock.app.inject({
      method: 'POST',
      url: '/__mock/faults',
      payload: { mode: 'rate_limit', prompt_contains: 'x' },
    })
    expect(res.statusCode).toBe(400)
  })

  it('is cleared by reset', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    await mock.armFault({ mode: 'slow', duration_s: 100, count: -1 })
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    expect((await mock.getVideo(id)).status).toBe('completed')
  })
})
