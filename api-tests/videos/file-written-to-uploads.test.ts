import { createHash } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachVideoLogs, parameters } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'

describe('the video file on disk', () => {
  test('is written to uploads/videos/user_X_video_Y.mp4 with the sample video’s bytes @BE-08 @OK-05', async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const file = join(stack.uploadsDir, 'videos', `user_${signedInUser.id}_video_${completed.id}.mp4`)
    await attachVideoLogs(stack, completed.id)
    expect(existsSync(file), file).toBe(true)
    const size = statSync(file).size
    await parameters({ path: file, 'size (bytes)': size })
    expect(size).toBe(statSync(stack.info.sampleVideo).size)
    expect(await sha256(file)).toBe(await sha256(stack.info.sampleVideo))
  })
})

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}
