import type { FastifyInstance } from 'fastify'
import { afterEach } from 'vitest'
import { Pacticipant } from '../pact-files.ts'
import { apiProviderStates } from './api-states.ts'
import { type ApiUnderTest, startApiUnderTest } from './api-under-test.ts'
import { mockSoraProviderStates } from './mock-sora-states.ts'
import { type MockSoraUnderTest, startMockSoraUnderTest } from './mock-sora-under-test.ts'
import { describe, expect, test } from './provider-fixtures.ts'
import { type FailedInteraction, type VerificationReport, verifyPact } from './verify.ts'

/**
 * The harness tests itself: a provider that breaks the contract in one small way must fail its
 * verification, naming the interactions and the field. Each break is a hook on the real app's answers.
 */
const rewriteJson = (app: FastifyInstance, from: string, to: string) =>
  app.addHook('onSend', async (_req, _reply, payload) =>
    typeof payload === 'string' ? payload.replaceAll(from, to) : payload,
  )

async function failuresOf(verification: Promise<VerificationReport>): Promise<FailedInteraction[]> {
  const { failures } = await verification
  expect(failures, 'the verification passed against a broken provider').not.toEqual([])
  return failures
}

describe('a verification against a deliberately broken provider', () => {
  const running: Array<ApiUnderTest | MockSoraUnderTest> = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.close()))
  })

  test('fails when the API renames video_url to videoUrl', async ({ infra }) => {
    const api = await startApiUnderTest({
      ...infra,
      adjust: (app) => rewriteJson(app, '"video_url":', '"videoUrl":'),
    })
    running.push(api)
    const states = apiProviderStates({ pool: api.pool, queue: api.queue, googleUrl: api.googleUrl })
    const failures = await failuresOf(
      verifyPact({
        consumer: Pacticipant.web,
        provider: Pacticipant.api,
        localOnly: true,
        options: { providerBaseUrl: api.url, ...states },
      }),
    )
    const failed = failures.map((f) => f.interaction).join('\n')
    expect(failed).toContain('a request for a completed video')
    expect(failed).toContain('a video generation request from a user with credits')
    expect(failures.flatMap((f) => f.mismatches).join('\n')).toMatch(/video_url/)
  })

  test('fails when mock-sora answers a finished job with status "done"', async ({ infra: _inProcess }) => {
    const mock = await startMockSoraUnderTest({
      adjust: (app) => rewriteJson(app, '"status":"completed"', '"status":"done"'),
    })
    running.push(mock)
    const failures = await failuresOf(
      verifyPact({
        consumer: Pacticipant.worker,
        provider: Pacticipant.openaiVideos,
        localOnly: true,
        options: { providerBaseUrl: mock.url, stateHandlers: mockSoraProviderStates(mock) },
      }),
    )
    expect(failures.map((f) => f.interaction)).toEqual([expect.stringContaining('a poll of a completed job')])
    expect(failures[0]?.mismatches.join('\n')).toMatch(/done/)
  })
})
