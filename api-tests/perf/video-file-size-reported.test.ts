import { statSync } from 'node:fs'
import { describe, expect, test } from '../fixtures/test.ts'
import { parameters, recordPerf } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'

/**
 * The guide's video is 151 MB; the committed sample is small. To reproduce the 151 MB case:
 *   npm run fixtures:large && MOCK_SORA_SAMPLE_VIDEO=.tmp/large-sample.mp4 npm run test:api
 */
describe('video file size', () => {
  test("reports the finished video's size: the sample's (151 MB with npm run fixtures:large) @PERF-05", async ({
    api,
    suite,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const head = await api.head(completed.video_url!).expect(200)
    const size = Number(head.headers['content-length'])
    await recordPerf(suite, 'video-size', { video_size_bytes: size })
    await parameters({ 'video size (MB)': (size / 1024 / 1024).toFixed(2) })
    expect(size).toBeGreaterThan(0)
    if (suite.local) expect(size).toBe(statSync(suite.local.sampleVideo).size)
  })
})
