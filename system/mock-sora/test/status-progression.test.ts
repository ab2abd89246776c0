import { describe, expect, it } from 'vitest'
import { startMock } from './helper.ts'

describe('status progression over MOCK_SORA_DURATION_S', () => {
  it('answers a create with a queued video at progress 0 and an OpenAI-style id', async () => {
    const mock = await startMock()
    const video = await mock.createVideo({
      prompt: 'a cat',
      model: 'sora-2-pro',
      seconds: '8',
      size: '1280x720',
    })
    expect(video).toMatchObject({ object: 'video', status: 'queued', progress: 0, model: 'sora-2-pro' })
    expect(video).toMatchObject({
      seconds: '8',
      size: '1280x720',
      prompt: 'a cat',
      completed_at: null,
      error: null,
    })
    expect(video.id).toMatch(/^video_[0-9a-f]{24,}$/)
    expect(video.created_at).toBe(Math.floor(mock.clock.ms / 1000))
  })

  it('fills in OpenAI defaults for model, seconds and size', async () => {
    const mock = await startMock()
    const video = await mock.createVideo({ prompt: 'a cat' })
    expect(video).toMatchObject({ model: 'sora-2', seconds: '4', size: '720x1280' })
  })

  it('moves queued → in_progress in ten steps of 10 → completed as the clock advances', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    const { id } = await mock.createVideo()
    const seen: string[] = []
    mock.clock.advanceS(0.5)
    let video = await mock.getVideo(id)
    seen.push(`${video.status}:${video.progress}`)
    for (let step = 1; step <= 10; step++) {
      mock.clock.advanceS(step === 1 ? 0.5 : 1)
      video = await mock.getVideo(id)
      seen.push(`${video.status}:${video.progress}`)
    }
    expect(seen).toEqual([
      'queued:0',
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `in_progress:${p}`),
      'completed:100',
    ])
  })

  it('sets completed_at when done and expires_at one hour after it', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    const created = await mock.createVideo()
    mock.clock.advanceS(60)
    const video = await mock.getVideo(created.id)
    expect(video.status).toBe('completed')
    expect(video.completed_at).toBe(created.created_at + 10)
    expect(video.expires_at).toBe((video.completed_at ?? 0) + 3600)
  })

  it('runs sub-second durations for fast tests', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '0.5' } })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(0.25)
    expect((await mock.getVideo(id)).progress).toBe(50)
    mock.clock.advanceS(0.25)
    expect((await mock.getVideo(id)).status).toBe('completed')
  })
})
