import { describe, expect, it, vi } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { MockResetResponse, MockState } from '../src/control-schema.ts'
import { openAIError, startMock } from './helper.ts'

describe('POST /__mock/reset', () => {
  it('clears jobs, faults and request counts, and logs mock.sora.reset', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    await mock.armFault({ mode: 'fail', count: 3 })
    await mock.armFault({ mode: 'rate_limit', count: -1 })
    const res = await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    expect(MockResetResponse.parse(res.json())).toEqual({ reset: true, cleared: { jobs: 1, faults: 2 } })

    const state = MockState.parse((await mock.app.inject({ url: '/__mock/state' })).json())
    expect(state).toMatchObject({ jobs: 0, faults: [], requests: { 'GET /__mock/state': 1 } })
    openAIError(await mock.inject({ method: 'GET', url: `/v1/videos/${id}` }), 404)
    expect(mock.logs.lines.some((line) => line.event === LogEvent.mockReset)).toBe(true)
  })

  it('stops a reset job from logging further progress', async () => {
    const mock = await startMock()
    const before = await mock.createVideo()
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    const after = await mock.createVideo()
    mock.clock.advanceS(10)
    // Once the ticker has logged the new job's end, it has been past the reset one too.
    await vi.waitFor(
      () => expect(mock.logs.forJob(after.id).some((l) => l.event === LogEvent.mockDone)).toBe(true),
      {
        timeout: 5000,
      },
    )
    expect(mock.logs.forJob(before.id).some((line) => line.event === LogEvent.mockStep3Progress)).toBe(false)
  })
})
