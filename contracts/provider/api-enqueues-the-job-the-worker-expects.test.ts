import { verifyJobMessagePact } from './api-pacts.ts'
import { describe, expect, test } from './provider-fixtures.ts'

describe('aivideo-api as the producer of video jobs', () => {
  test('enqueues the generate-video job message the worker’s pact expects @BE-04', async ({ api }) => {
    const report = await verifyJobMessagePact(api)
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })
})
