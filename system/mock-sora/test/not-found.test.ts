import { describe, expect, it } from 'vitest'
import { openAIError, startMock } from './helper.ts'

describe('unknown ids and routes', () => {
  it('answers 404 invalid_request_error with a null code for an unknown video id', async () => {
    const mock = await startMock()
    const error = openAIError(
      await mock.inject({ method: 'GET', url: '/v1/videos/video_0123456789abcdef' }),
      404,
    )
    expect(error).toMatchObject({ type: 'invalid_request_error', code: null })
    expect(error.message).toContain('video_0123456789abcdef')
  })

  it('answers 404 in OpenAI shape for a URL the API does not have', async () => {
    const mock = await startMock()
    const error = openAIError(await mock.inject({ method: 'GET', url: '/v1/images?x=1' }), 404)
    expect(error.message).toBe('Invalid URL (GET /v1/images)')
  })
})
