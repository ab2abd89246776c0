import { Pacticipant } from '../pact-files.ts'
import { apiProviderStates } from './api-states.ts'
import { jobMessageProviders } from './job-message-provider.ts'
import { describe, expect, test } from './provider-fixtures.ts'
import { verifyPact } from './verify.ts'

describe('aivideo-api as the producer of video jobs', () => {
  test('enqueues the generate-video job message the worker’s pact expects @BE-04', async ({ api }) => {
    const { stateHandlers, accessToken } = apiProviderStates({
      pool: api.pool,
      queue: api.queue,
      googleUrl: api.googleUrl,
    })
    const report = await verifyPact({
      consumer: Pacticipant.worker,
      provider: Pacticipant.api,
      options: { stateHandlers, messageProviders: jobMessageProviders(api, accessToken) },
    })
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })
})
