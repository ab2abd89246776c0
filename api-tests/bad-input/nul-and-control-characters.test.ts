import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere must be refused as input (422), not crash the
 * insert (500). Other control characters are text like any other: never a 5xx.
 */
describe('NUL bytes and control characters', () => {
  test('a NUL in the prompt or the image URL is 422 with a detail and changes nothing; other control characters never a 5xx @BAD-07', async ({
    api,
    user,
  }) => {
    const nul = [
      { prompt: `${GUIDE_PROMPT}\u0000`, model: 'sora-2' },
      { prompt: `\u0000${GUIDE_PROMPT}`, model: 'sora-2' },
      { prompt: 'ten chars \u0000 and more', model: 'sora-2' },
      { prompt: GUIDE_PROMPT, model: 'sora-2', reference_image_url: '/uploads/user_1/\u0000.png' },
      { prompt: GUIDE_PROMPT, model: 'sora-2\u0000' },
    ]
    for (const body of nul) {
      const res = await api.post('/api/v1/videos/generate').set(user.auth).send(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      ErrorResponse.parse(res.body)
    }
    const raw = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .set('content-type', 'application/json')
      .send(`{"prompt":"${GUIDE_PROMPT}\\u0000","model":"sora-2"}`)
    expect(raw.status).toBe(422)
    expect((await api.get('/api/v1/videos').set(user.auth).expect(200)).body.total).toBe(0)
    expect((await api.get('/api/v1/users/credits').set(user.auth).expect(200)).body.credits).toBe(100)

    for (const body of [
      { code: 'abc\u0000def', redirect_uri: 'http://localhost:8080/auth/callback' },
      { code: 'abc', redirect_uri: 'http://localhost:8080/\u0000' },
    ]) {
      const res = await api.post('/api/v1/auth/google').send(body)
      expect([401, 422], JSON.stringify(body)).toContain(res.status)
      ErrorResponse.parse(res.body)
    }
    const refresh = await api.post('/api/v1/auth/refresh').send({ refresh_token: 'x\u0000y' })
    expect(refresh.status).toBe(401)

    const control = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .send({
        prompt: `bell \u0007 escape \u001b[31m del \u007f ${GUIDE_PROMPT}`.slice(0, 500),
        model: 'sora-2',
      })
    expect(control.status).toBeLessThan(500)
  })
})
