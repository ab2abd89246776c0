import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { SoraVideo } from '../../shared/schemas/sora.ts'
import { multipart, openAIError, PROMPT, startMock } from './helper.ts'

const PRESET = 'fixtures/presets/preset-1.png'

describe('multipart create with input_reference', () => {
  it('accepts the form fields and an image file, and records its size and type', async () => {
    const mock = await startMock()
    const png = await readFile(PRESET)
    const body = await multipart(
      { prompt: PROMPT, model: 'sora-2', seconds: '8', size: '1280x720' },
      { field: 'input_reference', bytes: png, type: 'image/png', name: 'preset-1.png' },
    )
    const res = await mock.inject({ method: 'POST', url: '/v1/videos', ...body })
    expect(res.statusCode).toBe(200)
    const video = SoraVideo.parse(res.json())
    expect(video).toMatchObject({ status: 'queued', seconds: '8', size: '1280x720', prompt: PROMPT })

    const step1 = mock.logs.forJob(video.id).find((line) => line.event === LogEvent.mockStep1Image)
    expect(step1).toMatchObject({
      imageBytes: png.length,
      base64Length: png.toString('base64').length,
      mimeType: 'image/png',
      width: 512,
      height: 512,
      matchesSize: false,
    })
  })

  it('accepts a multipart create without a file', async () => {
    const mock = await startMock()
    const res = await mock.inject({
      method: 'POST',
      url: '/v1/videos',
      ...(await multipart({ prompt: PROMPT })),
    })
    expect(res.statusCode).toBe(200)
    const parameters = mock.logs.lines.find((line) => line.event === LogEvent.mockParameters)
    expect(parameters).toMatchObject({ has_image: false })
  })

  it('rejects a reference that is not a JPEG, PNG or WebP image', async () => {
    const mock = await startMock()
    const body = await multipart(
      { prompt: PROMPT },
      { field: 'input_reference', bytes: Buffer.from('hello'), type: 'text/plain', name: 'a.txt' },
    )
    const error = openAIError(await mock.inject({ method: 'POST', url: '/v1/videos', ...body }), 400)
    expect(error).toMatchObject({ param: 'input_reference', type: 'invalid_request_error' })
  })

  it('rejects bytes labelled image/png that are not an image', async () => {
    const mock = await startMock()
    const body = await multipart(
      { prompt: PROMPT },
      { field: 'input_reference', bytes: Buffer.from('not a png'), type: 'image/png', name: 'a.png' },
    )
    const error = openAIError(await mock.inject({ method: 'POST', url: '/v1/videos', ...body }), 400)
    expect(error.param).toBe('input_reference')
  })

  it('validates multipart fields like JSON ones', async () => {
    const mock = await startMock()
    const body = await multipart({ prompt: PROMPT, seconds: '6' })
    const error = openAIError(await mock.inject({ method: 'POST', url: '/v1/videos', ...body }), 400)
    expect(error.param).toBe('seconds')
  })
})
