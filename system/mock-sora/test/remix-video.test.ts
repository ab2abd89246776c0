import { describe, expect, it } from 'vitest'
import { SoraVideo } from '../../shared/schemas/sora.ts'
import { openAIError, startMock } from './helper.ts'

describe('remixing a video', () => {
  it('starts a new queued job that names its source and keeps its settings', async () => {
    const mock = await startMock()
    const source = await mock.createVideo({
      prompt: 'a cat',
      model: 'sora-2-pro',
      seconds: '12',
      size: '1792x1024',
    })
    mock.clock.advanceS(10)
    const res = await mock.inject({
      method: 'POST',
      url: `/v1/videos/${source.id}/remix`,
      payload: { prompt: 'the same cat, at night' },
    })
    const remix = SoraVideo.parse(res.json())
    expect(remix.id).not.toBe(source.id)
    expect(remix).toMatchObject({
      status: 'queued',
      prompt: 'the same cat, at night',
      remixed_from_video_id: source.id,
      model: 'sora-2-pro',
      seconds: '12',
      size: '1792x1024',
    })
  })

  it('refuses to remix a video that is not completed', async () => {
    const mock = await startMock()
    const source = await mock.createVideo()
    const res = await mock.inject({
      method: 'POST',
      url: `/v1/videos/${source.id}/remix`,
      payload: { prompt: 'x' },
    })
    expect(openAIError(res, 400).message).toMatch(/completed/)
  })

  it('answers 404 for an unknown source and 400 for a missing prompt', async () => {
    const mock = await startMock()
    const unknown = await mock.inject({
      method: 'POST',
      url: '/v1/videos/video_abc/remix',
      payload: { prompt: 'x' },
    })
    openAIError(unknown, 404)
    const source = await mock.createVideo()
    mock.clock.advanceS(10)
    const missing = await mock.inject({ method: 'POST', url: `/v1/videos/${source.id}/remix`, payload: {} })
    expect(openAIError(missing, 400).param).toBe('prompt')
  })
})
