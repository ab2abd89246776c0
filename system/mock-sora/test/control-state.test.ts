import { describe, expect, it } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { MockFaultArmed, MockState } from '../src/control-schema.ts'
import { openAIError, startMock } from './helper.ts'

describe('GET /__mock/state and POST /__mock/faults', () => {
  it('counts requests per route and jobs per status', async () => {
    const mock = await startMock()
    const a = await mock.createVideo()
    await mock.createVideo()
    mock.clock.advanceS(10)
    await mock.createVideo()
    await mock.getVideo(a.id)
    const state = MockState.parse((await mock.app.inject({ url: '/__mock/state' })).json())
    expect(state.jobs).toBe(3)
    expect(state.jobs_by_status).toEqual({ queued: 1, in_progress: 0, completed: 2, failed: 0 })
    expect(state.requests).toMatchObject({ 'POST /v1/videos': 3, 'GET /v1/videos/:id': 1 })
    expect(state.duration_s).toBe(10)
  })

  it('lists pending faults with what remains of them, and logs each arming', async () => {
    const mock = await startMock()
    const armed = MockFaultArmed.parse((await mock.armFault({ mode: 'fail', count: 2 })).json())
    expect(armed.armed).toMatchObject({ mode: 'fail', remaining: 2 })
    await mock.createVideo()
    const state = MockState.parse((await mock.app.inject({ url: '/__mock/state' })).json())
    expect(state.faults).toEqual([expect.objectContaining({ mode: 'fail', remaining: 1 })])
    expect(
      mock.logs.lines.filter((line) => line.event === LogEvent.mockFault).map((line) => line.phase),
    ).toEqual(['armed', 'applied'])
  })

  it.each([
    [{ mode: 'explode' }, 'mode'],
    [{ mode: 'fail', count: 0 }, 'count'],
    [{ mode: 'fail', count: 1.5 }, 'count'],
    [{ mode: 'slow', duration_s: -1 }, 'duration_s'],
    [{ mode: 'fail', extra: true }, 'extra'],
  ])('answers 400 to the fault body %j', async (body, param) => {
    const mock = await startMock()
    const res = await mock.app.inject({ method: 'POST', url: '/__mock/faults', payload: body })
    expect(openAIError(res, 400).param).toBe(param)
  })
})
