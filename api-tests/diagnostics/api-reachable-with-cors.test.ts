import { apiReachable } from '../../harness/doctor/checks/api-reachable.ts'
import { corsPreflight } from '../../harness/doctor/checks/cors-preflight.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { referenceOnly, suiteDoctor } from '../support/doctor-on-target.ts'

describe('doctor: can the frontend poll the API?', () => {
  test('reaches the API and passes the CORS preflight from the web origin @DIAG-02', async ({ suite }) => {
    const ctx = suiteDoctor(suite)
    for (const check of [apiReachable, corsPreflight]) {
      const r = await check.run(ctx)
      expect(r, r.detail).toMatchObject({ status: 'pass' })
    }
  })

  test('fails the CORS check, naming CORS_ORIGINS, for an origin the API does not allow @DIAG-02', async ({
    suite,
    skip,
    annotate,
  }) => {
    await referenceOnly(suite, { skip, annotate })
    const cors = await corsPreflight.run(
      suiteDoctor(suite, { webUrl: 'http://not-our-frontend.example:8080' }),
    )
    expect(cors.status).toBe('fail')
    expect(cors.fix).toContain('CORS_ORIGINS')
  })
})
