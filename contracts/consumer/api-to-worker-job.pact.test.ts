import { MatchersV3, PactV4 } from '@pact-foundation/pact'
import { describe, expect, it } from 'vitest'
import { GenerateVideoJob, JOB_NAME, QUEUE_NAME } from '../../system/shared/queue.ts'
import { JobMessage } from '../message-descriptions.ts'
import { PACT_DIR, Pacticipant } from '../pact-files.ts'
import { ApiState } from '../provider-states.ts'
import { GUIDE_PROMPT, UPLOAD_PATH } from './api-matchers.ts'

const { integer, nullValue, regex, string } = MatchersV3

/**
 * The generate-video job the API (`aivideo-api`) puts on the BullMQ queue for the worker
 * (`aivideo-worker`), as a V4 asynchronous message: the job's data is the message, its queue, name and id
 * the metadata. The worker's side is its payload parsing (`GenerateVideoJob`, what the processor checks
 * every job with) and the queue and job name it listens for.
 */
const pact = new PactV4({
  consumer: Pacticipant.worker,
  provider: Pacticipant.api,
  dir: PACT_DIR,
  logLevel: 'warn',
})

const metadata = {
  contentType: 'application/json',
  queue: QUEUE_NAME,
  jobName: JOB_NAME,
  jobId: regex('^video-\\d+$', 'video-123'),
}
const job = {
  video_id: integer(123),
  user_id: integer(1),
  prompt: string(GUIDE_PROMPT),
  model: string('sora-2'),
}

/** What the worker does with a message before any step: the queue check and the payload parse. */
function workerAccepts(message: { contents: { content: unknown }; metadata: Record<string, unknown> }) {
  expect(message.metadata).toMatchObject({ queue: QUEUE_NAME, jobName: JOB_NAME })
  return GenerateVideoJob.parse(message.contents.content)
}

describe(`queue ${QUEUE_NAME}, job ${JOB_NAME}`, () => {
  it('carries the video, its owner, the prompt and no reference image for a text-only video', async () => {
    await pact
      .addAsynchronousInteraction()
      .given(ApiState.user1Has100Credits)
      .expectsToReceive(JobMessage.textOnly, (b) =>
        b.withMetadata(metadata).withJSONContent({ ...job, reference_image_url: nullValue() }),
      )
      .executeTest(async (message) => {
        const payload = workerAccepts(message)
        expect(payload).toMatchObject({ video_id: 123, user_id: 1, reference_image_url: null })
      })
  })

  it('carries the uploaded reference image’s path for an image-to-video job', async () => {
    await pact
      .addAsynchronousInteraction()
      .given(ApiState.user1Has100Credits)
      .expectsToReceive(JobMessage.withReferenceImage, (b) =>
        b.withMetadata(metadata).withJSONContent({
          ...job,
          reference_image_url: regex(UPLOAD_PATH, '/uploads/user_1/0b1f4c8e-2f7a-4c59-9a53-6b3e8f1d2c4a.png'),
        }),
      )
      .executeTest(async (message) => {
        const payload = workerAccepts(message)
        expect(payload.reference_image_url).toMatch(/^\/uploads\/user_1\//)
      })
  })
})
