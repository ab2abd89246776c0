import { Pacticipant } from '../pact-files.ts'
import { mockSoraProviderStates } from './mock-sora-states.ts'
import { describe, expect, test } from './provider-fixtures.ts'
import { verifyPact } from './verify.ts'

describe('mock-sora as openai-videos', () => {
  test('answers every interaction the worker’s pact with OpenAI’s Videos API expects', async ({
    mockSora: mock,
  }) => {
    const report = await verifyPact({
      consumer: Pacticipant.worker,
      provider: Pacticipant.openaiVideos,
      options: { providerBaseUrl: mock.url, stateHandlers: mockSoraProviderStates(mock) },
    })
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })
})
