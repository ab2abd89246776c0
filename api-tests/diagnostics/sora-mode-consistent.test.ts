import { soraMode } from '../../harness/doctor/checks/sora-mode.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectPassUnlessNotOffered, referenceOnly, suiteDoctor } from '../support/doctor-on-target.ts'

describe('doctor: is the mock enabled?', () => {
  test('reports the Sora mode the API runs as the one configured (mock for acceptance) @DIAG-04', async ({
    suite,
    skip,
    annotate,
  }) => {
    const mode = await soraMode.run(suiteDoctor(suite))
    await expectPassUnlessNotOffered(suite, { skip, annotate }, mode)
    if (suite.expectMock) expect(mode.detail).toContain('USING MOCK SORA SERVICE FOR TESTING')
  })

  test('fails with the fix to set USE_MOCK_SORA when the API runs the other mode @DIAG-04', async ({
    suite,
    skip,
    annotate,
  }) => {
    await referenceOnly(suite, { skip, annotate })
    const mode = await soraMode.run(suiteDoctor(suite, { expectMock: !suite.expectMock }))
    expect(mode.status).toBe('fail')
    expect(mode.fix).toContain('USE_MOCK_SORA')
  })
})
