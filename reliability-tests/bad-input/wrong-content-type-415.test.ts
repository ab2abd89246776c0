import { creditsOf } from '../../api-tests/support/balance.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { describe, expect, test } from '../fixtures/test.ts'

const BODY = JSON.stringify({ prompt: GUIDE_PROMPT, model: 'sora-2' })

/**
 * The guide's verdict on a body of the wrong type: a 4xx with a JSON detail, nothing charged (a 5xx or a
 * charge is the defect). The reference's 415 and its text are conformance (FastAPI answers 422).
 */
describe('a wrong content type', () => {
  test('on generate is 415 with a detail; on upload, anything but multipart is 4xx with a detail @BAD-10', async ({
    api,
    suite,
    user,
    conformance,
  }) => {
    const before = await creditsOf(suite.apiUrl, user)
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'image/png',
    ]) {
      const res = await api
        .post('/api/v1/videos/generate')
        .set(user.auth)
        .set('content-type', type)
        .send(BODY)
      expect(res.status, type).toBeGreaterThanOrEqual(400)
      expect(res.status, type).toBeLessThan(500)
      const { detail } = GuideError.parse(res.body)
      await conformance.equal(
        `generate sent as ${type}`,
        [415, 'Unsupported content type'],
        [res.status, detail],
      )
    }
    for (const type of ['application/json', 'text/plain', 'image/png']) {
      const res = await api
        .post('/api/v1/upload/image')
        .set(user.auth)
        .set('content-type', type)
        .send(type === 'application/json' ? '{"file":"x"}' : 'not a form')
      expect(res.status, type).toBeGreaterThanOrEqual(400)
      expect(res.status, type).toBeLessThan(500)
      GuideError.parse(res.body)
    }
    expect(await creditsOf(suite.apiUrl, user)).toBe(before)
  })
})
