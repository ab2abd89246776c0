import { writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { probeVideo } from '../../harness/media/probe-video.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { binary } from '../support/binary-body.ts'
import { parameters } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'

/**
 * "The video plays": the bytes at the API's video_url are a real video, not merely something served
 * as video/mp4 (a 27-byte placeholder would pass every HTTP check). ffprobe reads what was served.
 */
describe('the served video file', () => {
  test("is a playable 1280x720 video with a duration, as ffprobe reads the API's video_url @API-04 @OK-05", async ({
    api,
    suite,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const res = await api.get(completed.video_url!).buffer(true).parse(binary).expect(200)
    const bytes = res.body as Buffer
    const dir = await mkdtemp(join(tmpdir(), 'served-video-'))
    onTestFinished(() => rm(dir, { recursive: true, force: true }))
    const file = join(dir, `video-${completed.id}.mp4`)
    writeFileSync(file, bytes)

    const probe = await probeVideo(file)
    await parameters({ url: `${suite.apiUrl}${completed.video_url}`, 'size (bytes)': bytes.length })
    if (!probe.ok) throw new Error(`not a playable video (${bytes.length} bytes served): ${probe.detail}`)
    expect(probe.value.streams).toContain('video')
    expect(probe.value.durationS).toBeGreaterThan(0)
    expect({ width: probe.value.width, height: probe.value.height }).toEqual({ width: 1280, height: 720 })
  })
})
