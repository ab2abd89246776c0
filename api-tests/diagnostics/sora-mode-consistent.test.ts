import { soraMode } from '../../harness/doctor/checks/sora-mode.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { doctorFor } from '../support/doctor.ts'

describe('doctor: is the mock enabled?', () => {
  test('reports the Sora mode the API runs as the one configured (mock for acceptance) @DIAG-04', async ({
    suite,
  }) => {
    const mode = await soraMode.run(doctorFor(suite))
    expect(mode, mode.detail).toMatchObject({ status: 'pass' })
    if (suite.expectMock) expect(mode.detail).toContain('USING MOCK SORA SERVICE FOR TESTING')
  })

  test('fails with the fix to set USE_MOCK_SORA when the API runs the other mode @DIAG-04', async ({
    suite,
  }) => {
    const mode = await soraMode.run(doctorFor(suite, { expectMock: !suite.expectMock }))
    expect(mode.status).toBe('fail')
    expect(mode.fix).toContain('USE_MOCK_SORA')
  })
})
