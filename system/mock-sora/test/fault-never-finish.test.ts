import { describe, expect, it } from 'vitest'
import { startMock } from './helper.ts'

describe('fault: never_finish', () => {
  it('keeps the next job in_progress below 100% however long it runs', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'never_finish' })
    const stuck = await mock.createVideo()
    const normal = await mock.createVideo()
    mock.clock.advanceS(24 * 3600)
    const video = await mock.getVideo(stuck.id)
    expect(video.status).toBe('in_progress')
    expect(video.progress).toBeLessThan(100)
    expect(video.completed_at).toBeNull()
    expect((await mock.getVideo(normal.id)).status).toBe('completed')
  })

  it('is cleared by reset', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'never_finish', count: -1 })
    await mock.app.inject({ method: 'POST', url: '/__mock/reset' })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    expect((await mock.getVideo(id)).status).toBe('completed')
  })
})
