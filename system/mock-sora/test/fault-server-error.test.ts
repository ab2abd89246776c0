import { describe, expect, it } from 'vitest'
import { openAIError, startMock } from './helper.ts'

describe('fault: server_error', () => {
  it('answers the next count /v1 calls with 500 server_error, then recovers', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    await mock.armFault({ mode: 'server_error', count: 1 })
    const error = openAIError(await mock.inject({ method: 'GET', url: `/v1/videos/${id}` }), 500)
    expect(error).toEqual({
      message: expect.stringMatching(/^The server had an error/),
      type: 'server_error',
      param: null,
      code: null,
    })
    expect((await mock.getVideo(id)).id).toBe(id)
  })

  it('with count -1 fails every call until reset', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'server_error', count: -1 })
    for (let i = 0; i < 3; i++) openAIError(await mock.inject({ method: 'GET', url: '/v1/videos' }), 500)
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    expect((await mock.inject({ method: 'GET', url: '/v1/videos' })).statusCode).toBe(200)
  })
})
