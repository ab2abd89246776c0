import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { Pacticipant } from '../pact-files.ts'
import { apiProviderStates } from './api-states.ts'
import { type ApiUnderTest, startApiUnderTest } from './api-under-test.ts'
import { verifyPact } from './verify.ts'

describe('aivideo-api', () => {
  let api: ApiUnderTest
  beforeAll(async () => {
    api = await startApiUnderTest({ redisUrl: inject('redisUrl'), databaseServerUrl: inject('databaseUrl') })
  })
  afterAll(() => api?.close())

  it('answers every interaction the web frontend’s pact expects', async () => {
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
