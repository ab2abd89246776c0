import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Pacticipant } from '../pact-files.ts'
import { mockSoraProviderStates } from './mock-sora-states.ts'
import { type MockSoraUnderTest, startMockSoraUnderTest } from './mock-sora-under-test.ts'
import { verifyPact } from './verify.ts'

describe('mock-sora as openai-videos', () => {
  let mock: MockSoraUnderTest
  beforeAll(async () => {
    mock = await startMockSoraUnderTest()
  })
  afterAll(() => mock?.close())

  it('answers every interaction the worker’s pact with OpenAI’s Videos API expects', async () => {
    const report = await verifyPact({
      consumer: Pacticipant.worker,
      provider: Pacticipant.openaiVideos,
      options: { providerBaseUrl: mock.url, stateHandlers: mockSoraProviderStates(mock) },
    })
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })
})
