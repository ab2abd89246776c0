import { loadRate, runLoad } from '../../harness/load.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { parameters, recordPerf } from '../support/evidence.ts'
import { generate } from '../support/videos.ts'

/** The guide: API response time < 100 ms. Asserted on p95 under 20 connections for 10 s. */
describe('GET /api/v1/videos/{id} under load', () => {
  test('answers with p95 under 100 ms from 20 connections for 10 s (p50/p95/p99 reported) @PERF-01', async ({
    suite,
    signedInUser,
  }) => {
    const { video } = await generate(suite.apiUrl, signedInUser)
    const rate = loadRate('PERF_GET_RATE', 200)
    const load = await runLoad({
      overallRate: rate,
      url: `${suite.apiUrl}/api/v1/videos/${video.id}`,
      headersPerConnection: [signedInUser.auth],
    })
    await recordPerf(suite, 'api-get-video', { api_get_video: load.latency })
    await parameters({
      'rate (requests/s)': rate || 'flat out',
      requests: load.requests,
      statuses: JSON.stringify(load.statuses),
      connections: 20,
      'duration (s)': 10,
    })
    console.info(`GET /videos/{id}: ${JSON.stringify(load.latency)} over ${load.requests} requests`)

    expect(load.errors + load.timeouts).toBe(0)
    expect(Object.keys(load.statuses)).toEqual(['200'])
    expect(load.latency.p95_ms).toBeLessThan(100)
  })
})
