import { describe, expect, test } from '../fixtures/test.ts'
import { attachVideoLogs } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'

describe('the database after completion', () => {
  test('holds the video as completed with its URL, resolution and duration @BE-07 @OK-08', async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const row = await stack.videoRow(completed.id)
    await attachVideoLogs(stack, completed.id)
    expect(row).toMatchObject({
      id: completed.id,
      user_id: signedInUser.id,
      status: 'completed',
      progress: 100,
      video_url: `/uploads/videos/user_${signedInUser.id}_video_${completed.id}.mp4`,
      resolution: '1280x720',
      error_message: null,
    })
    expect(row!.duration).toBeGreaterThan(0)
    expect(row!.updated_at.getTime()).toBeGreaterThan(row!.created_at.getTime())
  })

  test('keeps credits and ledger in step: 100 signup, −10 for the video, balance 90 @OK-08 @OK-07', async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    expect(await stack.ledger(signedInUser.id)).toEqual([
      { video_id: null, delta: 100, reason: 'signup' },
      { video_id: completed.id, delta: -10, reason: 'generate' },
    ])
    expect(await stack.credits(signedInUser.id)).toBe(90)
  })
})
