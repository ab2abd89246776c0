import { LogEvent, WORKER_SUCCESS_SEQUENCE } from '../../system/shared/log-events.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachLog, attachVideoLogs } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'
import { distinctSequence, workerEventsWhenFinished } from '../support/worker-log.ts'

describe("the worker's log of one video", () => {
  test("shows every step in the guide's order, from task received to task finished @BE-05 @OK-04", async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const id = completed.id
    const events = await workerEventsWhenFinished(stack, id)
    await attachVideoLogs(stack, id)

    expect(distinctSequence(events)).toEqual(WORKER_SUCCESS_SEQUENCE)
    const msg = (event: string) => events.find((e) => e.event === event)?.msg
    expect(msg(LogEvent.jobStarted)).toBe(`Starting video generation task for video_id: ${id}`)
    expect(msg(LogEvent.videoDetails)).toMatch(
      new RegExp(
        `^Video details: ID: ${id}, User ID: ${signedInUser.id}, Model: sora-2, Prompt: .+, Reference Image URL: /uploads/user_${signedInUser.id}/.+\\.png$`,
      ),
    )
    expect(msg(LogEvent.statusProcessing)).toBe('Updating status to PROCESSING...')
    expect(msg(LogEvent.soraCallStarted)).toBe('Calling OpenAI Sora 2 API...')
    expect(msg(LogEvent.generationResult)).toBe('Generation result: completed')
    expect(msg(LogEvent.jobCompleted)).toMatch(
      new RegExp(
        `^Video generation COMPLETED! Local path: .+/videos/user_${signedInUser.id}_video_${id}\\.mp4, URL: /uploads/videos/user_${signedInUser.id}_video_${id}\\.mp4$`,
      ),
    )
    expect(msg(LogEvent.jobFinished)).toBe(`Task completed successfully! Task finished for video_id: ${id}`)
    const progress = events.filter((e) => e.event === LogEvent.soraJobProgress).map((e) => e.progress)
    expect(progress.at(-1)).toBe(100)
  })

  test("is matched by mock-sora's five-step block for the same Sora job @BE-05 @OK-04", async ({
    suite,
    stack,
    signedInUser,
    prompt,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const events = await workerEventsWhenFinished(stack, completed.id)
    const soraJobId = events.find((e) => e.event === LogEvent.soraJobCreated)?.soraJobId
    expect(soraJobId).toMatch(/^video_/)
    const lines = stack.logs('mock-sora').filter((e) => e.jobId === soraJobId)
    await attachLog(`mock-sora log, Sora job ${soraJobId}`, lines)
    // The guide's block, without the mock's note of the test's own short-job steering.
    const block = lines.filter((e) => e.event !== LogEvent.mockFault)
    expect(distinctSequence(block)).toEqual([
      LogEvent.mockParameters,
      LogEvent.mockStep1Image,
      LogEvent.mockStep2Submitted,
      LogEvent.mockStep3Progress,
      LogEvent.mockStep4Output,
      LogEvent.mockStep5Ready,
      LogEvent.mockDone,
    ])
    expect(block.filter((e) => e.event === LogEvent.mockStep3Progress).map((e) => e.progress)).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ])
  })
})
