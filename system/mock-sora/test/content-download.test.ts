import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openAIError, startMock } from './helper.ts'

const SAMPLE = resolve('fixtures/sample-video.mp4')
const POSTER = resolve('fixtures/sample-poster.jpg')

describe('content download', () => {
  it('serves the sample MP4 once the video is completed', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    const res = await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('video/mp4')
    const { size } = await stat(SAMPLE)
    expect(Number(res.headers['content-length'])).toBe(size)
    expect(res.rawPayload.length).toBe(size)
    // An ISO BMFF file opens with an `ftyp` box: 4 bytes of size, then the type.
    expect(res.rawPayload.subarray(4, 8).toString('ascii')).toBe('ftyp')
  })

  it('puts the moov box before the media data (faststart), so browsers can start playing at once', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    const bytes = (await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content` })).rawPayload
    const ftypSize = bytes.readUInt32BE(0)
    expect(bytes.subarray(ftypSize + 4, ftypSize + 8).toString('ascii')).toBe('moov')
  })

  it('serves the poster JPEG for the thumbnail and spritesheet variants', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    const { size } = await stat(POSTER)
    for (const variant of ['thumbnail', 'spritesheet']) {
      const res = await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content?variant=${variant}` })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/jpeg')
      expect(Number(res.headers['content-length'])).toBe(size)
      expect([...res.rawPayload.subarray(0, 2)]).toEqual([0xff, 0xd8])
    }
  })

  it('answers 404 saying the video is not ready while it is queued or in progress', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    let error = openAIError(await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content` }), 404)
    expect(error.message).toMatch(/not ready/)
    mock.clock.advanceS(5)
    error = openAIError(await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content` }), 404)
    expect(error.message).toMatch(/not ready.*in_progress/)
  })

  it('answers 400 for an unknown variant', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    const res = await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content?variant=gif` })
    expect(openAIError(res, 400).param).toBe('variant')
  })
})
