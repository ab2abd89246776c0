import { Pacticipant } from '../pact-files.ts'
import { apiProviderStates } from './api-states.ts'
import { describe, expect, test } from './provider-fixtures.ts'
import { verifyPact } from './verify.ts'

describe('aivideo-api', () => {
  test('answers every interaction the web frontend’s pact expects', async ({ api }) => {
    const states = apiProviderStates({ pool: api.pool, queue: api.queue, googleUrl: api.googleUrl })
    const report = await verifyPact({
      consumer: Pacticipant.web,
      provider: Pacticipant.api,
      options: { providerBaseUrl: api.url, ...states },
    })
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })
})
