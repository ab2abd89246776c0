import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startMock } from './helper.ts'

const SAMPLE = resolve('fixtures/sample-video.mp4')

describe('fault: slow_content', () => {
  it("paces the next job's video download over duration_s, every byte intact", async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'slow_content', duration_s: 0.4 })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    const started = Date.now()
    const res = await mock.inject({ method: 'GET', url: `/v1/videos/${id}/content` })
    // A lower bound only: a busy machine makes the download slower, never faster.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(await readFile(SAMPLE))).toBe(true)
  })

  it('defaults to 2 s and leaves the job itself on time', async () => {
    const mock = await startMock()
    const armed = (await mock.armFault({ mode: 'slow_content' })).json()
    expect(armed.armed).toMatchObject({ mode: 'slow_content', duration_s: 2, prompt_contains: null })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    expect((await mock.getVideo(id)).status).toBe('completed')
  })
})
