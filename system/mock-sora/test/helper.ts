import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { onTestFinished } from 'vitest'
import { loadMockSoraConfig, type MockSoraConfig } from '../../shared/config.ts'
import { createLogger } from '../../shared/logger.ts'
import { OpenAIError, type OpenAIError as OpenAIErrorBody, SoraVideo } from '../../shared/schemas/sora.ts'
import { buildMockSora } from '../src/app.ts'
import type { MockFaultRequest } from '../src/control-schema.ts'

export const API_KEY = 'sk-test-mock-sora'
export const AUTH = { authorization: `Bearer ${API_KEY}` }
export const PROMPT =
  'A cinematic product showcase with smooth camera movements, professional lighting, and vibrant colors'

export function testConfig(env: Record<string, string> = {}): MockSoraConfig {
  return loadMockSoraConfig({ MOCK_SORA_API_KEY: API_KEY, MOCK_SORA_DURATION_S: '10', ...env })
}

/** A clock tests move by hand, so progress needs no sleeping. */
export class ManualClock {
  constructor(public ms = Date.UTC(2026, 0, 1, 10, 0, 0)) {}
  readonly now = (): number => this.ms
  advanceS(seconds: number): void {
    this.ms += seconds * 1000
  }
}

export type LogLine = { level: number; msg: string; event?: string; jobId?: string } & Record<string, unknown>

/** The pino lines the mock writes, parsed. */
export function captureLogs() {
  const lines: LogLine[] = []
  const logger = createLogger('mock-sora', 'info', {
    write: (chunk: string) => {
      for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line) as LogLine)
    },
  })
  return { logger, lines, forJob: (jobId: string) => lines.filter((line) => line.jobId === jobId) }
}

export type MockUnderTest = Awaited<ReturnType<typeof startMock>>

/** Builds the mock on a manual clock, without a port, and closes it when the test ends. */
export async function startMock(options: { env?: Record<string, string>; tickMs?: number } = {}) {
  const clock = new ManualClock()
  const logs = captureLogs()
  const app = await buildMockSora(testConfig(options.env), {
    now: clock.now,
    logger: logs.logger,
    tickMs: options.tickMs ?? 5,
  })
  onTestFinished(() => app.close())
  return { app, clock, logs, ...client(app) }
}

function client(app: FastifyInstance) {
  const inject = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...AUTH, ...opts.headers } })
  return {
    inject,
    createVideo: async (body: Record<string, unknown> = { prompt: PROMPT }): Promise<SoraVideo> => {
      const res = await inject({ method: 'POST', url: '/v1/videos', payload: body })
      if (res.statusCode !== 200) throw new Error(`create answered ${res.statusCode}: ${res.body}`)
      return SoraVideo.parse(res.json())
    },
    getVideo: async (id: string): Promise<SoraVideo> => {
      const res = await inject({ method: 'GET', url: `/v1/videos/${id}` })
      if (res.statusCode !== 200) throw new Error(`retrieve answered ${res.statusCode}: ${res.body}`)
      return SoraVideo.parse(res.json())
    },
    armFault: async (fault: MockFaultRequest | Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/__mock/faults', payload: fault })
      if (res.statusCode !== 200) throw new Error(`arming answered ${res.statusCode}: ${res.body}`)
      return res
    },
  }
}

/** Parses an OpenAI error envelope, checking the status too. */
export function openAIError(res: LightMyRequestResponse, status: number): OpenAIErrorBody['error'] {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`)
  return OpenAIError.parse(res.json()).error
}

/** A multipart/form-data body as a browser or the OpenAI SDK would send it. */
export async function multipart(
  fields: Record<string, string>,
  file?: { field: string; bytes: Buffer; type: string; name: string },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  if (file) form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  const request = new Request('http://mock.invalid/', { method: 'POST', body: form })
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  }
}
