import { describe, expect, it } from 'vitest'
import { openAIError, PROMPT, startMock } from './helper.ts'

describe('create validation', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a missing prompt', { seconds: '4' }, 'prompt', /^Missing required parameter: 'prompt'/],
    ['an empty prompt', { prompt: '' }, 'prompt', /prompt/],
    ['seconds that OpenAI does not offer', { prompt: PROMPT, seconds: '5' }, 'seconds', /'4', '8', '12'/],
    ['seconds as a number', { prompt: PROMPT, seconds: 8 }, 'seconds', /'4', '8', '12'/],
    ['an unknown model', { prompt: PROMPT, model: 'sora-3' }, 'model', /'sora-2', 'sora-2-pro'/],
    ['an unknown size', { prompt: PROMPT, size: '640x480' }, 'size', /'1280x720'/],
    ['an argument OpenAI does not know', { prompt: PROMPT, duration: 6 }, 'duration', /Unrecognized/],
    [
      'input_reference sent as JSON',
      { prompt: PROMPT, input_reference: 'https://x/img.png' },
      'input_reference',
      /multipart/,
    ],
  ]

  it.each(cases)('answers 400 naming the field for %s', async (_name, body, param, message) => {
    const mock = await startMock()
    const res = await mock.inject({ method: 'POST', url: '/v1/videos', payload: body })
    const error = openAIError(res, 400)
    expect(error).toMatchObject({ type: 'invalid_request_error', param, code: null })
    expect(error.message).toMatch(message)
  })

  it('answers 400 in OpenAI shape for a body that is not JSON', async () => {
    const mock = await startMock()
    const res = await mock.inject({
      method: 'POST',
      url: '/v1/videos',
      headers: { 'content-type': 'application/json' },
      payload: '{"prompt":',
    })
    expect(openAIError(res, 400).type).toBe('invalid_request_error')
  })

  it('creates no job when the request is rejected', async () => {
    const mock = await startMock()
    await mock.inject({ method: 'POST', url: '/v1/videos', payload: { prompt: PROMPT, seconds: '5' } })
    expect((await mock.app.inject({ url: '/__mock/state' })).json().jobs).toBe(0)
  })
})
