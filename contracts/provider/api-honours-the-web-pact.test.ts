import { verifyWebPact } from './api-pacts.ts'
import { describe, expect, test } from './provider-fixtures.ts'

describe('aivideo-api', () => {
  test('answers every interaction the web frontend’s pact expects', async ({ api }) => {
    const report = await verifyWebPact(api)
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })
})
