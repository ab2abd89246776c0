import { describe, expect, test } from '../fixtures/test.ts'

const ORIGINS = ['https://evil.example', 'null', 'http://localhost:1', 'http://localhost.evil.example']

type Headers = Record<string, string | string[] | undefined>

/**
 * An unlisted origin gets no CORS allow header at all, on a preflight or on a simple request (a GET the
 * browser sends without asking first, with the user's credentials). An Access-Control-Allow-Origin
 * naming it (or `*`) lets a foreign page read the user's answers; an Access-Control-Allow-Credentials:
 * true tells it credentials are allowed. Without the allow-origin the browser still refuses the read,
 * so a stray allow-credentials alone is reported as a difference, not a failure.
 */
describe('CORS', () => {
  test('a preflight or a simple request from an unlisted origin is never allowed credentials; the web origin is @SEC-05', async ({
    api,
    suite,
    user,
    conformance,
  }) => {
    const preflight = (origin: string) =>
      api
        .options('/api/v1/videos/generate')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type,idempotency-key')
    const expectNotAllowed = async (what: string, origin: string, headers: Headers) => {
      const allowOrigin = headers['access-control-allow-origin']
      const exposed = allowOrigin === origin || allowOrigin === '*'
      expect(
        exposed && headers['access-control-allow-credentials'] === 'true',
        `${what}: the foreign origin may read the user's answers (allow-origin ${allowOrigin} with credentials)`,
      ).toBe(false)
      expect(allowOrigin, `${what}: allow-origin`).toBeUndefined()
      await conformance.equal(
        `${what}: access-control-allow-credentials`,
        undefined,
        headers['access-control-allow-credentials'],
      )
    }
    for (const origin of ORIGINS) {
      const res = await preflight(origin)
      expect(res.status, origin).toBeLessThan(500)
      await expectNotAllowed(`preflight from ${origin}`, origin, res.headers)
      for (const path of ['/api/v1/users/credits', '/api/v1/auth/me']) {
        const get = await api.get(path).set(user.auth).set('origin', origin)
        expect(get.status, `GET ${path} from ${origin}`).toBe(200)
        await expectNotAllowed(`GET ${path} from ${origin}`, origin, get.headers)
      }
    }
    const allowed = await preflight(suite.webOrigin)
    expect(allowed.status).toBeLessThan(300)
    await conformance.equal('preflight from the web origin: status', 204, allowed.status)
    expect(allowed.headers['access-control-allow-origin']).toBe(suite.webOrigin)
    const get = await api.get('/api/v1/users/credits').set(user.auth).set('origin', suite.webOrigin)
    expect(get.headers['access-control-allow-origin']).toBe(suite.webOrigin)
  })
})
