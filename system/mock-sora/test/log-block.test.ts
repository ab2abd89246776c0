import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { SoraVideo } from '../../shared/schemas/sora.ts'
import { type LogLine, multipart, PROMPT, startMock } from './helper.ts'

const BLOCK_DEADLINE = { timeout: 5000, interval: 5 }
const PROGRESS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]

const eventsOf = (lines: LogLine[]) => lines.map((line) => line.event)

describe("the guide's five-step mock log block", () => {
  it('logs parameters, steps 1-5 and done in order for a job nobody polls', async () => {
    const mock = await startMock({ env: { MOCK_SORA_DURATION_S: '10' } })
    const png = await readFile('fixtures/presets/preset-2.png')
    const body = await multipart(
      { prompt: PROMPT, model: 'sora-2', seconds: '8', size: '1280x720' },
      { field: 'input_reference', bytes: png, type: 'image/png', name: 'preset-2.png' },
    )
    const { id } = SoraVideo.parse((await mock.inject({ method: 'POST', url: '/v1/videos', ...body })).json())
    mock.clock.advanceS(10)
    await vi.waitFor(
      () => expect(eventsOf(mock.logs.forJob(id))).toContain(LogEvent.mockDone),
      BLOCK_DEADLINE,
    )

    const lines = mock.logs.forJob(id)
    expect(eventsOf(lines)).toEqual([
      LogEvent.mockParameters,
      LogEvent.mockStep1Image,
      LogEvent.mockStep2Submitted,
      ...PROGRESS.map(() => LogEvent.mockStep3Progress),
      LogEvent.mockStep4Output,
      LogEvent.mockStep5Ready,
      LogEvent.mockDone,
    ])
    const [parameters, step1, step2] = lines
    expect(parameters).toMatchObject({
      prompt: PROMPT,
      model: 'sora-2',
      seconds: '8',
      size: '1280x720',
      has_image: true,
    })
    expect(step1).toMatchObject({ imageBytes: png.length, base64Length: png.toString('base64').length })
    expect(step2?.msg).toContain(id)
    const progress = lines.filter((line) => line.event === LogEvent.mockStep3Progress)
    expect(progress.map((line) => line.progress)).toEqual(PROGRESS)
    expect(progress.map((line) => line.msg)).toContain('Step 3: processing... 40%')

    const sample = resolve('fixtures/sample-video.mp4')
    const kb = `${((await stat(sample)).size / 1024).toFixed(2)} KB`
    expect(lines.find((line) => line.event === LogEvent.mockStep4Output)).toMatchObject({ path: sample })
    expect(lines.find((line) => line.event === LogEvent.mockStep5Ready)).toMatchObject({
      path: sample,
      sizeKb: kb,
    })
    expect(kb).toMatch(/^\d+\.\d{2} KB$/)
    expect(lines.at(-1)).toMatchObject({ url: `/v1/videos/${id}/content` })
  })

  it('skips step 1 when no reference image was sent', async () => {
    const mock = await startMock()
    const { id } = await mock.createVideo()
    expect(eventsOf(mock.logs.forJob(id))).toEqual([LogEvent.mockParameters, LogEvent.mockStep2Submitted])
  })

  it('logs each progress step once even when polled many times per step', async () => {
    const mock = await startMock({ tickMs: 60_000 })
    const { id } = await mock.createVideo()
    for (let i = 0; i < 40; i++) {
      mock.clock.advanceS(0.3)
      await mock.getVideo(id)
      await mock.getVideo(id)
    }
    const progress = mock.logs.forJob(id).filter((line) => line.event === LogEvent.mockStep3Progress)
    expect(progress.map((line) => line.progress)).toEqual(PROGRESS)
    expect(mock.logs.forJob(id).filter((line) => line.event === LogEvent.mockDone)).toHaveLength(1)
  })

  it('has logged every step a response shows, before that response is sent', async () => {
    const mock = await startMock({ tickMs: 60_000 })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(4.2)
    const video = await mock.getVideo(id)
    const logged = mock.logs.forJob(id).filter((line) => line.event === LogEvent.mockStep3Progress)
    expect(logged.at(-1)?.progress).toBe(video.progress)
  })

  it('ends a failed job with mock.sora.failed after 90% instead of steps 4 and 5', async () => {
    const mock = await startMock()
    await mock.armFault({ mode: 'fail' })
    const { id } = await mock.createVideo()
    mock.clock.advanceS(10)
    await vi.waitFor(
      () => expect(eventsOf(mock.logs.forJob(id))).toContain(LogEvent.mockFailed),
      BLOCK_DEADLINE,
    )
    const lines = mock.logs.forJob(id)
    const progress = lines
      .filter((line) => line.event === LogEvent.mockStep3Progress)
      .map((line) => line.progress)
    expect(progress).toEqual(PROGRESS.slice(0, 9))
    expect(eventsOf(lines)).not.toContain(LogEvent.mockStep5Ready)
    expect(lines.at(-1)).toMatchObject({ event: LogEvent.mockFailed, errorCode: 'video_generation_failed' })
  })
})
