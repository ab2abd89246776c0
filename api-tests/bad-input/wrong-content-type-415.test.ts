import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

const BODY = JSON.stringify({ prompt: GUIDE_PROMPT, model: 'sora-2' })

describe('a wrong content type', () => {
  test('on generate is 415 with a detail; on upload, anything but multipart is 4xx with a detail @BAD-10', async ({
    api,
    user,
  }) => {
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
      expect(res.status, type).toBe(415)
      expect(ErrorResponse.parse(res.body).detail, type).toBe('Unsupported content type')
    }
    for (const type of ['application/json', 'text/plain', 'image/png']) {
      const res = await api
        .post('/api/v1/upload/image')
        .set(user.auth)
        .set('content-type', type)
        .send(type === 'application/json' ? '{"file":"x"}' : 'not a form')
      expect(res.status, type).toBeGreaterThanOrEqual(400)
      expect(res.status, type).toBeLessThan(500)
      ErrorResponse.parse(res.body)
    }
    expect((await api.get('/api/v1/users/credits').set(user.auth).expect(200)).body.credits).toBe(100)
  })
})
