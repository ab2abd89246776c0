import fc from 'fast-check'
import { describe, expect, test } from '../fixtures/test.ts'
import { announceSeed, expectHandled } from '../support/in-process-api.ts'
import { fuzzParameters, headerText } from '../support/schema-arbitraries.ts'

const ROUTES = [
  ['GET', '/api/v1/auth/me'],
  ['POST', '/api/v1/auth/logout'],
  ['GET', '/api/v1/users/credits'],
  ['GET', '/api/v1/videos'],
  ['GET', '/api/v1/videos/1'],
  ['POST', '/api/v1/videos/1/stream-token'],
  ['POST', '/api/v1/videos/generate'],
  ['POST', '/api/v1/upload/image'],
] as const

const b64url = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
  maxLength: 80,
})

describe('fuzzed Authorization headers', () => {
  test('on every protected route get 401 with a JSON detail, never a 5xx, and change nothing @BAD-04', async ({
    fuzzApi,
  }) => {
    const params = fuzzParameters()
    await announceSeed('Authorization header', params)
    const before = await fuzzApi.snapshot()
    const real = fuzzApi.auth.authorization.slice('Bearer '.length)
    // The real token with one character changed (not the last: its spare bits may decode the same).
    const tampered = fc
      .tuple(fc.nat({ max: real.length - 2 }), fc.constantFrom(...'AbZz09-_.'))
      .map(
        ([i, c]) => `${real.slice(0, i)}${c === real[i] ? (c === 'A' ? 'B' : 'A') : c}${real.slice(i + 1)}`,
      )
    const header = fc.oneof(
      headerText(200),
      headerText(200).map((t) => `Bearer ${t}`),
      fc.tuple(b64url, b64url, b64url).map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
      tampered.map((t) => `Bearer ${t}`),
      tampered.map((t) => `bearer  ${t}`),
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Basic Zm9vOmJhcg==',
        `Token ${real}`,
        `Bearer ${real}.`,
        `Bearer ${real} x`,
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), header, async ([method, url], authorization) => {
        const res = await fuzzApi.app.inject({ method, url, headers: { authorization } })
        expectHandled(res, `${method} ${url} with ${JSON.stringify(authorization)}`)
        expect(res.statusCode, `${method} ${url} with ${JSON.stringify(authorization)}`).toBe(401)
        expect(await fuzzApi.snapshot()).toBe(before)
      }),
      { ...params, numRuns: params.numRuns * 2 },
    )
  })
})
