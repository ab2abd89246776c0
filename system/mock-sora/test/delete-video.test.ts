import { describe, expect, it } from 'vitest'
import { SoraDeleted } from '../../shared/schemas/sora.ts'
import { openAIError, startMock } from './helper.ts'

describe('deleting a video', () => {
  it('answers video.deleted and forgets the video', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    const res = await mock.inject({ method: 'DELETE', url: `/v1/videos/${id}` })
    expect(SoraDeleted.parse(res.json())).toEqual({ id, object: 'video.deleted', deleted: true })
    openAIError(await mock.inject({ method: 'GET', url: `/v1/videos/${id}` }), 404)
  })

  it('answers 404 when deleting an unknown video', async () => {
    const mock = await startMock()
    openAIError(await mock.inject({ method: 'DELETE', url: '/v1/videos/video_abc123' }), 404)
  })
})
