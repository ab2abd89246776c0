import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MatchersV3, PactV4 } from '@pact-foundation/pact'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../system/shared/logger.ts'
import { GenerateVideoJob } from '../../system/shared/queue.ts'
import { createSoraClient, type SoraClient } from '../../system/worker/src/sora-client.ts'
import { createSoraJob } from '../../system/worker/src/steps/create-sora-job.ts'
import { PACT_DIR, Pacticipant } from '../pact-files.ts'
import { SORA_CONTRACT_API_KEY, SoraState } from '../provider-states.ts'
import {
  completedJob,
  EXAMPLE_SORA_ID,
  failedJob,
  inProgressJob,
  jobPath,
  openAIError,
  queuedJob,
  SORA_MODEL,
  SORA_SECONDS,
  SORA_SIZE,
  WORKER_PROMPT,
} from './sora-matchers.ts'

const { contentType, regex, string } = MatchersV3

/**
 * The worker (`aivideo-worker`) against OpenAI's Videos API (`openai-videos`), through the worker's own
 * create-job step (from a job's data) and Sora client. Verified against mock-sora, so the mock keeps
 * answering what the worker needs.
 */
const pact = new PactV4({
  consumer: Pacticipant.worker,
  provider: Pacticipant.openaiVideos,
  dir: PACT_DIR,
  logLevel: 'warn',
})

const client = (baseUrl: string, apiKey = SORA_CONTRACT_API_KEY): SoraClient =>
  createSoraClient({ baseUrl, apiKey, timeoutMs: 5000 })
const bearerKey = () => ({ authorization: regex('^Bearer sk-[\\w-]+$', `Bearer ${SORA_CONTRACT_API_KEY}`) })
const JSON_CREATE = {
  prompt: string(WORKER_PROMPT),
  model: regex(SORA_MODEL, 'sora-2'),
  seconds: regex(SORA_SECONDS, '8'),
  size: regex(SORA_SIZE, '1280x720'),
}
const createInput = { prompt: WORKER_PROMPT, model: 'sora-2', seconds: '8', size: '1280x720' } as const

const REFERENCE_IMAGE = join(import.meta.dirname, '../../fixtures/presets/preset-1.png')
const BOUNDARY = 'aivideo-contract-boundary'

/** The multipart body the worker sends with a reference image: four fields, then the file. */
async function multipartCreateBody(): Promise<Buffer> {
  const field = (name: string, value: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  return Buffer.concat([
    Buffer.from(
      Object.entries(createInput)
        .map(([name, value]) => field(name, value))
        .join(''),
    ),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="input_reference"; filename="reference.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    ),
    await readFile(REFERENCE_IMAGE),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

const dirs: string[] = []
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

/**
 * The worker's create-job step as the processor runs it for a job's data, with its uploads in a
 * directory of its own; with `withImage`, user 1 has uploaded the preset the job names.
 */
async function workerCreatesJob(mockUrl: string, withImage: boolean) {
  const uploadsDir = await mkdtemp(join(tmpdir(), 'aivideo-contract-uploads-'))
  dirs.push(uploadsDir)
  let reference: string | null = null
  if (withImage) {
    reference = `/uploads/user_1/${randomUUID()}.png`
    await mkdir(join(uploadsDir, 'user_1'))
    await copyFile(REFERENCE_IMAGE, join(uploadsDir, reference.slice('/uploads/'.length)))
  }
  const job = GenerateVideoJob.parse({
    video_id: 123,
    user_id: 1,
    prompt: WORKER_PROMPT,
    model: 'sora-2',
    reference_image_url: reference,
  })
  return createSoraJob(job, {
    sora: client(mockUrl),
    log: createLogger('worker', 'silent'),
    config: { SORA_MODEL: 'sora-2', SORA_SECONDS: '8', SORA_SIZE: '1280x720' },
    images: { uploadsDir, allowedHosts: [], timeoutMs: 5000 },
  })
}

describe('POST /v1/videos', () => {
  it('creates a job from a JSON prompt and answers it queued', async () => {
    await pact
      .addInteraction()
      .given(SoraState.apiKeyIsValid)
      .uponReceiving('a text-to-video job')
      .withRequest('POST', '/v1/videos', (b) => b.headers(bearerKey()).jsonBody(JSON_CREATE))
      .willRespondWith(200, (b) => b.jsonBody(queuedJob()))
      .executeTest(async (mock) => {
        const res = await workerCreatesJob(mock.url, false)
        expect(res.ok && res.value.status).toBe('queued')
      })
  })

  it('creates a job from a prompt with a reference image sent as multipart input_reference', async () => {
    const body = await multipartCreateBody()
    await pact
      .addInteraction()
      .given(SoraState.apiKeyIsValid)
      .uponReceiving('an image-to-video job')
      .withRequest('POST', '/v1/videos', (b) =>
        b
          .headers({
            ...bearerKey(),
            'Content-Type': regex(
              '^multipart/form-data;\\s*boundary=.+$',
              `multipart/form-data; boundary=${BOUNDARY}`,
            ),
          })
          .body(`multipart/form-data; boundary=${BOUNDARY}`, body)
          .matchingRules({
            body: [
              { path: '$.prompt', rules: [string(WORKER_PROMPT)] },
              { path: '$.model', rules: [regex(SORA_MODEL, 'sora-2')] },
              { path: '$.seconds', rules: [regex(SORA_SECONDS, '8')] },
              { path: '$.size', rules: [regex(SORA_SIZE, '1280x720')] },
              { path: '$.input_reference', rules: [contentType('image/png')] },
            ],
          }),
      )
      .willRespondWith(200, (b) => b.jsonBody(queuedJob()))
      .executeTest(async (mock) => {
        // From the job's data: the upload it names is read and becomes input_reference.
        const res = await workerCreatesJob(mock.url, true)
        expect(res.ok && res.value.status).toBe('queued')
      })
  })
})

describe('GET /v1/videos/{id}', () => {
  const retrieves = (state: SoraState, description: string, body: unknown) =>
    pact
      .addInteraction()
      .given(state)
      .uponReceiving(description)
      .withRequest('GET', jobPath(), (b) => b.headers(bearerKey()))
      .willRespondWith(200, (b) => b.jsonBody(body))

  it('answers a job nobody has started on as queued with progress 0', async () => {
    await retrieves(SoraState.jobIsQueued, 'a poll of a queued job', queuedJob()).executeTest(
      async (mock) => {
        const res = await client(mock.url).retrieveVideo(EXAMPLE_SORA_ID)
        expect(res.ok && [res.value.status, res.value.progress]).toEqual(['queued', 0])
      },
    )
  })

  it('answers a job under way as in_progress with its progress', async () => {
    await retrieves(SoraState.jobIsInProgress, 'a poll of a job in progress', inProgressJob()).executeTest(
      async (mock) => {
        const res = await client(mock.url).retrieveVideo(EXAMPLE_SORA_ID)
        expect(res.ok && res.value.status).toBe('in_progress')
      },
    )
  })

  it('answers a finished job as completed with progress 100 and an expiry', async () => {
    await retrieves(SoraState.jobIsCompleted, 'a poll of a completed job', completedJob()).executeTest(
      async (mock) => {
        const res = await client(mock.url).retrieveVideo(EXAMPLE_SORA_ID)
        expect(res.ok && [res.value.status, res.value.progress]).toEqual(['completed', 100])
      },
    )
  })

  it('answers a job that could not be generated as failed with an error code and message', async () => {
    await retrieves(SoraState.jobHasFailed, 'a poll of a failed job', failedJob()).executeTest(
      async (mock) => {
        const res = await client(mock.url).retrieveVideo(EXAMPLE_SORA_ID)
        expect(res.ok && res.value.error?.code).toBe('video_generation_failed')
      },
    )
  })

  it('answers 404 for a job it does not know, so a retry creates a new one', async () => {
    await pact
      .addInteraction()
      .given(SoraState.jobDoesNotExist)
      .uponReceiving('a poll of a job that does not exist')
      .withRequest('GET', '/v1/videos/video_0000000000000000000000000000000000000000000000ff', (b) =>
        b.headers(bearerKey()),
      )
      .willRespondWith(404, (b) =>
        b.jsonBody(
          openAIError(
            'invalid_request_error',
            null,
            "Video with id 'video_0000000000000000000000000000000000000000000000ff' not found.",
          ),
        ),
      )
      .executeTest(async (mock) => {
        const res = await client(mock.url).retrieveVideo(
          'video_0000000000000000000000000000000000000000000000ff',
        )
        expect(res).toMatchObject({ ok: false, kind: 'not_found' })
      })
  })
})

describe('GET /v1/videos/{id}/content', () => {
  it('streams a completed job’s video as MP4 bytes', async () => {
    // The example is the MP4 file-type box; the provider's real file only has to be an MP4 as well.
    const sample = await readFile(join(import.meta.dirname, '../../fixtures/sample-video.mp4'))
    const mp4Start = sample.subarray(0, sample.readUInt32BE(0))
    await pact
      .addInteraction()
      .given(SoraState.jobIsCompleted)
      .uponReceiving('a download of a completed job’s video')
      .withRequest('GET', jobPath('/content'), (b) => b.headers(bearerKey()).query({ variant: 'video' }))
      .willRespondWith(200, (b) =>
        b
          .headers({ 'Content-Type': 'video/mp4' })
          .body('video/mp4', mp4Start)
          .matchingRules({ body: { path: '$', rules: [contentType('video/mp4')] } }),
      )
      .executeTest(async (mock) => {
        const dir = await mkdtemp(join(tmpdir(), 'aivideo-contract-content-'))
        dirs.push(dir)
        const dest = join(dir, `${randomUUID()}.mp4`)
        const res = await client(mock.url).downloadContent(EXAMPLE_SORA_ID, 'video', dest)
        expect(res.ok && res.value.bytes).toBe(mp4Start.length)
        expect(await readFile(dest)).toEqual(mp4Start)
      })
  })
})

describe('errors in OpenAI’s envelope', () => {
  it('refuses a wrong API key with 401 invalid_api_key', async () => {
    await pact
      .addInteraction()
      .given(SoraState.apiKeyIsValid)
      .uponReceiving('a text-to-video job with a wrong API key')
      .withRequest('POST', '/v1/videos', (b) =>
        b.headers({ authorization: 'Bearer sk-not-a-valid-key' }).jsonBody(JSON_CREATE),
      )
      .willRespondWith(401, (b) =>
        b.jsonBody(openAIError('invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.')),
      )
      .executeTest(async (mock) => {
        const res = await client(mock.url, 'sk-not-a-valid-key').createVideo(createInput)
        expect(res).toMatchObject({ ok: false, kind: 'unauthorized' })
      })
  })

  it('answers 429 rate_limit_exceeded when the key is over its rate limit, which the worker retries', async () => {
    await pact
      .addInteraction()
      .given(SoraState.apiKeyIsRateLimited)
      .uponReceiving('a text-to-video job over the rate limit')
      .withRequest('POST', '/v1/videos', (b) => b.headers(bearerKey()).jsonBody(JSON_CREATE))
      .willRespondWith(429, (b) =>
        b.jsonBody(openAIError('requests', 'rate_limit_exceeded', 'Rate limit reached for requests.')),
      )
      .executeTest(async (mock) => {
        const res = await client(mock.url).createVideo(createInput)
        expect(res).toMatchObject({ ok: false, kind: 'rate_limited' })
      })
  })
})
