import { describe, expect, it } from 'vitest'
import { openAIError, PROMPT, startMock } from './helper.ts'

describe('fault: rate_limit', () => {
  it('answers the next count /v1 calls with 429 rate_limit_exceeded and a retry-after header', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'rate_limit', count: 2, retry_after_s: 3 })
    for (let i = 0; i < 2; i++) {
      const res = await mock.inject({ method: 'POST', url: '/v1/videos', payload: { prompt: PROMPT } })
      const error = openAIError(res, 429)
      expect(error).toEqual({
        message: expect.stringMatching(/^Rate limit reached/),
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      })
      expect(res.headers['retry-after']).toBe('3')
    }
    await mock.createVideo()
    const state = (await mock.app.inject({ url: '/__mock/state' })).json()
    expect(state.requests['POST /v1/videos']).toBe(3)
    expect(state.jobs).toBe(1)
    expect(state.faults).toEqual([])
  })

  it('with count -1 limits every call until reset', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'rate_limit', count: -1 })
    for (let i = 0; i < 5; i++) openAIError(await mock.inject({ method: 'GET', url: '/v1/videos' }), 429)
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    expect((await mock.inject({ method: 'GET', url: '/v1/videos' })).statusCode).toBe(200)
  })

  it('still answers 401 first to a caller without a key', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'rate_limit' })
    openAIError(await mock.app.inject({ method: 'GET', url: '/v1/videos' }), 401)
    openAIError(await mock.inject({ method: 'GET', url: '/v1/videos' }), 429)
  })
})
