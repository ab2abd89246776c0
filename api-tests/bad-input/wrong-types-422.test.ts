import { z } from 'zod'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

/** FastAPI's validation shape: one entry per issue, with where it is. */
const Issues = z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string() }))

describe('wrong types', () => {
  test('in the body, the query and the path: 422 with a detail naming the field, nothing charged @BAD-08', async ({
    api,
    user,
  }) => {
    const fields: Array<[string, Record<string, unknown>]> = [
      ['prompt', { prompt: 1234567890123 }],
      ['prompt', { prompt: true }],
      ['prompt', { prompt: null }],
      ['prompt', { prompt: ['a prompt in an array'] }],
      ['prompt', { prompt: { text: GUIDE_PROMPT } }],
      ['model', { prompt: GUIDE_PROMPT, model: 'sora-3' }],
      ['model', { prompt: GUIDE_PROMPT, model: 2 }],
      ['reference_image_url', { prompt: GUIDE_PROMPT, reference_image_url: 5 }],
      ['reference_image_url', { prompt: GUIDE_PROMPT, reference_image_url: { url: 'x' } }],
    ]
    for (const [field, body] of fields) {
      const res = await api.post('/api/v1/videos/generate').set(user.auth).send(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      const issues = Issues.parse(ErrorResponse.parse(res.body).detail)
      expect(
        issues.map((i) => i.loc.join('.')),
        JSON.stringify(body),
      ).toContain(`body.${field}`)
    }
    for (const body of ['[]', '"a string"', '42', 'null', 'true']) {
      const res = await api
        .post('/api/v1/videos/generate')
        .set(user.auth)
        .set('content-type', 'application/json')
        .send(body)
      expect(res.status, body).toBe(422)
      ErrorResponse.parse(res.body)
    }
    for (const query of [
      'page=abc',
      'page=0',
      'page=1.5',
      'page_size=101',
      'page_size=-1',
      'status_filter=done',
    ]) {
      const res = await api.get(`/api/v1/videos?${query}`).set(user.auth)
      expect(res.status, query).toBe(422)
      const field = query.split('=')[0]
      expect(Issues.parse(ErrorResponse.parse(res.body).detail).map((i) => i.loc.join('.'))).toContain(
        `querystring.${field}`,
      )
    }
    for (const id of ['abc', '0', '-1', '1.5', '2147483648', '1e400', 'NaN']) {
      const res = await api.get(`/api/v1/videos/${id}`).set(user.auth)
      expect(res.status, id).toBe(422)
      ErrorResponse.parse(res.body)
    }
    for (const body of [
      { code: 42, redirect_uri: 'http://x' },
      { code: 'c', redirect_uri: 'not a url' },
      {},
    ]) {
      const res = await api.post('/api/v1/auth/google').send(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
    }
    expect((await api.get('/api/v1/users/credits').set(user.auth).expect(200)).body.credits).toBe(100)
  })
})
