import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { buildMockSora } from '../../system/mock-sora/src/app.ts'
import { loadMockSoraConfig } from '../../system/shared/config.ts'
import { createLogger } from '../../system/shared/logger.ts'
import {
  OpenAIError,
  SoraDeleted,
  type SoraStatus,
  SoraVideo,
  SoraVideoList,
} from '../../system/shared/schemas/sora.ts'

/**
 * Drift check: every answer of mock-sora, on every endpoint, in each status and error it can give, has
 * exactly the published wire shape of OpenAI's Videos API (system/shared/schemas/sora.ts): nothing
 * missing, nothing of another type, and no field the schemas do not know.
 */
const KEY = 'sk-drift-check'
const PROMPT = 'A cinematic product showcase with smooth camera movements'

let app: FastifyInstance
const START_MS = Date.UTC(2026, 0, 1, 10, 0, 0)
const clock = { ms: START_MS }
beforeAll(async () => {
  const config = loadMockSoraConfig({
    MOCK_SORA_API_KEY: KEY,
    MOCK_SORA_DURATION_S: '10',
    LOG_LEVEL: 'fatal',
  })
  app = await buildMockSora(config, { now: () => clock.ms, logger: createLogger('mock-sora', 'fatal') })
})
afterAll(() => app?.close())
beforeEach(async () => {
  clock.ms = START_MS
  await app.inject({ method: 'POST', url: '/__mock/reset' })
})

const call = (opts: InjectOptions) =>
  app.inject({ ...opts, headers: { authorization: `Bearer ${KEY}`, ...opts.headers } })

/** Parses with the schema and checks nothing was dropped: an unknown field anywhere is drift too. */
function expectShape<S extends z.ZodType>(schema: S, res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status)
  const body: unknown = res.json()
  const parsed = schema.safeParse(body)
  expect(parsed.error?.issues ?? []).toEqual([])
  expect(parsed.data).toEqual(body)
  return parsed.data as z.infer<S>
}

const createJob = async () =>
  expectShape(
    SoraVideo,
    await call({
      method: 'POST',
      url: '/v1/videos',
      payload: { prompt: PROMPT, seconds: '8', size: '1280x720' },
    }),
    200,
  )

describe('POST /v1/videos', () => {
  it('answers a JSON create with a video object', async () => {
    expect((await createJob()).status).toBe('queued')
  })

  it('answers a multipart create with an input_reference image with a video object', async () => {
    const form = new FormData()
    form.append('prompt', PROMPT)
    form.append('size', '1280x720')
    const png = await readFile(join(import.meta.dirname, '../../fixtures/presets/preset-1.png'))
    form.append('input_reference', new Blob([png], { type: 'image/png' }), 'preset-1.png')
    const request = new Request('http://mock.invalid/', { method: 'POST', body: form })
    const res = await call({
      method: 'POST',
      url: '/v1/videos',
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    })
    expectShape(SoraVideo, res, 200)
  })

  it('answers an invalid create with a 400 error envelope', async () => {
    const res = await call({ method: 'POST', url: '/v1/videos', payload: { prompt: PROMPT, seconds: '5' } })
    expectShape(OpenAIError, res, 400)
  })
})

describe('GET /v1/videos/{id}', () => {
  // Each status at the point of the job's life it belongs to (10 s jobs; "failed" needs a fault).
  const cases: Array<[z.infer<typeof SoraStatus>, number, boolean]> = [
    ['queued', 0, false],
    ['in_progress', 5, false],
    ['completed', 10, false],
    ['failed', 10, true],
  ]
  for (const [status, afterS, failing] of cases) {
    it(`answers a ${status} job with a video object`, async () => {
      if (failing) await app.inject({ method: 'POST', url: '/__mock/faults', payload: { mode: 'fail' } })
      const job = await createJob()
      clock.ms += afterS * 1000
      const video = expectShape(SoraVideo, await call({ method: 'GET', url: `/v1/videos/${job.id}` }), 200)
      expect(video.status).toBe(status)
    })
  }

  it('answers an unknown id with a 404 error envelope', async () => {
    expectShape(OpenAIError, await call({ method: 'GET', url: '/v1/videos/video_unknown' }), 404)
  })
})

describe('GET /v1/videos', () => {
  it('answers a list object of video objects', async () => {
    await createJob()
    await createJob()
    const list = expectShape(SoraVideoList, await call({ method: 'GET', url: '/v1/videos?limit=1' }), 200)
    expect(list.has_more).toBe(true)
  })
})

describe('DELETE /v1/videos/{id}', () => {
  it('answers a deletion object', async () => {
    const job = await createJob()
    expectShape(SoraDeleted, await call({ method: 'DELETE', url: `/v1/videos/${job.id}` }), 200)
  })
})

describe('POST /v1/videos/{id}/remix', () => {
  it('answers a remix of a completed job with a video object naming its source', async () => {
    const job = await createJob()
    clock.ms += 10_000
    const remix = expectShape(
      SoraVideo,
      await call({
        method: 'POST',
        url: `/v1/videos/${job.id}/remix`,
        payload: { prompt: `${PROMPT}, at night` },
      }),
      200,
    )
    expect(remix.remixed_from_video_id).toBe(job.id)
  })
})

describe('GET /v1/videos/{id}/content', () => {
  it('answers a completed job’s video as MP4 bytes with their length', async () => {
    const job = await createJob()
    clock.ms += 10_000
    const res = await call({ method: 'GET', url: `/v1/videos/${job.id}/content?variant=video` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^video\/mp4/)
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length)
    expect(res.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp')
  })

  it('answers a completed job’s thumbnail as a JPEG', async () => {
    const job = await createJob()
    clock.ms += 10_000
    const res = await call({ method: 'GET', url: `/v1/videos/${job.id}/content?variant=thumbnail` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^image\/jpeg/)
  })

  it('answers a job that is not finished with a 404 error envelope', async () => {
    const job = await createJob()
    expectShape(OpenAIError, await call({ method: 'GET', url: `/v1/videos/${job.id}/content` }), 404)
  })
})

describe('errors every endpoint shares', () => {
  it('answers a wrong API key with a 401 error envelope', async () => {
    const res = await call({
      method: 'GET',
      url: '/v1/videos',
      headers: { authorization: 'Bearer sk-wrong' },
    })
    expect(expectShape(OpenAIError, res, 401).error.code).toBe('invalid_api_key')
  })

  it('answers over the rate limit with a 429 error envelope and retry-after', async () => {
    await app.inject({ method: 'POST', url: '/__mock/faults', payload: { mode: 'rate_limit' } })
    const res = await call({ method: 'GET', url: '/v1/videos' })
    expect(expectShape(OpenAIError, res, 429).error.code).toBe('rate_limit_exceeded')
    expect(res.headers['retry-after']).toBe('1')
  })

  it('answers a server fault with a 500 error envelope', async () => {
    await app.inject({ method: 'POST', url: '/__mock/faults', payload: { mode: 'server_error' } })
    expectShape(OpenAIError, await call({ method: 'GET', url: '/v1/videos' }), 500)
  })
})
