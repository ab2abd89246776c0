import { GenerateVideoJob, JOB_NAME } from '../../system/shared/queue.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachVideoLogs, parameters } from '../support/evidence.ts'
import { generate, waitForCompleted } from '../support/videos.ts'

describe('the queue job of a video', () => {
  test('is created at the 201 with the video in its payload, and completes @BE-04 @OK-03', async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { video } = await generate(suite.apiUrl, signedInUser, { prompt, model: 'sora-2' })
    const job = await stack.job(video.id)
    expect(job, `BullMQ job video-${video.id}`).toBeDefined()
    expect(job!.name).toBe(JOB_NAME)
    expect(GenerateVideoJob.parse(job!.data)).toEqual({
      video_id: video.id,
      user_id: signedInUser.id,
      prompt: video.prompt,
      model: 'sora-2',
      reference_image_url: null,
    })
    expect(['waiting', 'active']).toContain(await job!.getState())

    await waitForCompleted(suite, signedInUser, video.id)
    const done = (await stack.job(video.id))!
    expect(await done.getState()).toBe('completed')
    expect(done.returnvalue).toMatchObject({ status: 'completed', videoId: video.id })
    expect(done.attemptsMade).toBe(1)
    expect(done.failedReason ?? null).toBeNull()
    await parameters({ 'job id': String(done.id), 'job run (ms)': done.finishedOn! - done.processedOn! })
    await attachVideoLogs(stack, video.id)
  })
})
