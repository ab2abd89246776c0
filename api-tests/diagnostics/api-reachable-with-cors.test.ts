import { apiReachable } from '../../harness/doctor/checks/api-reachable.ts'
import { corsPreflight } from '../../harness/doctor/checks/cors-preflight.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { doctorFor } from '../support/doctor.ts'

describe('doctor: can the frontend poll the API?', () => {
  test('reaches the API and passes the CORS preflight from the web origin @DIAG-02', async ({ suite }) => {
    const ctx = doctorFor(suite)
    const api = await apiReachable.run(ctx)
    const cors = await corsPreflight.run(ctx)
    expect(api, api.detail).toMatchObject({ status: 'pass' })
    expect(cors, cors.detail).toMatchObject({ status: 'pass' })
  })

  test('fails the CORS check, naming CORS_ORIGINS, for an origin the API does not allow @DIAG-02', async ({
    suite,
  }) => {
    const cors = await corsPreflight.run(doctorFor(suite, { webUrl: 'http://not-our-frontend.example:8080' }))
    expect(cors.status).toBe('fail')
    expect(cors.fix).toContain('CORS_ORIGINS')
  })
})
