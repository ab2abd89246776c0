import { describe, expect, it } from 'vitest'
import { openAIError, startMock } from './helper.ts'

describe('fault: fail', () => {
  it('makes the next job end failed with video_generation_failed when it would have completed', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'fail' })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(9.5)
    expect((await mock.getVideo(id)).status).toBe('in_progress')
    mock.clock.advanceS(0.5)
    const video = await mock.getVideo(id)
    expect(video.status).toBe('failed')
    expect(video.error).toMatchObject({ code: 'video_generation_failed' })
    expect(video.completed_at).toBeNull()
    openAIError(await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content` }), 404)
  })

  it('applies to exactly count jobs, then jobs complete again', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'fail', count: 2 })
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await mock.createVideo()).id)
    mock.clock.advanceS(10)
    const statuses = await Promise.all(ids.map(async (id) => (await mock.getVideo(id)).status))
    expect(statuses).toEqual(['failed', 'failed', 'completed'])
  })

  it('is cleared by reset before any job takes it', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'fail', count: -1 })
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    expect((await mock.getVideo(id)).status).toBe('completed')
  })
})
