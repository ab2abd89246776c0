import { describe, expect, test } from '../fixtures/reliability.ts'

const ORIGINS = ['https://evil.example', 'null', 'http://localhost:1', 'http://localhost.evil.example']

describe('CORS', () => {
  test('a preflight or a request from an unlisted origin gets no allow header; the web origin does @SEC-05', async ({
    api,
    suite,
    user,
  }) => {
    const preflight = (origin: string) =>
      api
        .options('/api/v1/videos/generate')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type,idempotency-key')
    for (const origin of ORIGINS) {
      const res = await preflight(origin)
      expect(res.status, origin).toBeLessThan(500)
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined()
      expect(res.headers['access-control-allow-credentials'], origin).toBeUndefined()
      const get = await api.get('/api/v1/users/credits').set(user.auth).set('origin', origin)
      expect(get.headers['access-control-allow-origin'], `GET from ${origin}`).toBeUndefined()
    }
    const allowed = await preflight(suite.webOrigin)
    expect(allowed.status).toBe(204)
    expect(allowed.headers['access-control-allow-origin']).toBe(suite.webOrigin)
  })
})
