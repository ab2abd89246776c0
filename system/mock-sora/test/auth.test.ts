import { describe, expect, it } from 'vitest'
import { openAIError, PROMPT, startMock } from './helper.ts'

describe('API key', () => {
  it('answers 401 invalid_api_key when the Authorization header is missing', async () => {
    const { app } = await startMock()
    const res = await app.inject({ method: 'POST', url: '/v1/videos', payload: { prompt: PROMPT } })
    const error = openAIError(res, 401)
    expect(error).toMatchObject({ type: 'invalid_request_error', param: null, code: 'invalid_api_key' })
    expect(error.message).toMatch(/^Incorrect API key provided/)
  })

  it('answers 401 invalid_api_key for a wrong key, on every /v1 route', async () => {
    const { app } = await startMock()
    const headers = { authorization: 'Bearer sk-wrong' }
    for (const [method, url] of [
      ['GET', '/v1/videos'],
      ['GET', '/v1/videos/video_123'],
      ['GET', '/v1/videos/video_123/content'],
      ['DELETE', '/v1/videos/video_123'],
    ] as const) {
      const res = await app.inject({ method, url, headers })
      expect(openAIError(res, 401).code).toBe('invalid_api_key')
    }
  })

  it('does not create a job for an unauthenticated request', async () => {
    const { app } = await startMock()
    await app.inject({ method: 'POST', url: '/v1/videos', payload: { prompt: PROMPT } })
    const state = (await app.inject({ url: '/__mock/state' })).json()
    expect(state.jobs).toBe(0)
  })

  it('needs no key for /health and the /__mock controls', async () => {
    const { app } = await startMock()
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/__mock/state' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/__mock/reset' })).statusCode).toBe(200)
  })
})
