import { randomBytes } from 'node:crypto'
import { SignJWT } from 'jose'
import { generate } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import { StreamTokenResponse } from '../../system/shared/schemas/auth.ts'
import { describe, expect, test } from '../fixtures/test.ts'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString())
const signWith = (secret: Uint8Array, claims: Record<string, unknown>, expS: number) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime(expS).sign(secret)

const NO_REFRESH_TOKEN =
  'the refresh-token case needs the user’s refresh token (TARGET_REFRESH_TOKENS for prepared users)'

/**
 * The guide's verdict on a bad token is a 401 (the user is not who the token says); the reference's
 * exact detail texts are a conformance matter, recorded apart.
 */
describe('tokens', () => {
  test('a forged signature, alg none, a tampered payload, and a refresh or stream token used as access are 401 @SEC-02', async ({
    api,
    suite,
    user,
    conformance,
    annotate,
  }) => {
    const real = claimsOf(user.accessToken)
    const [header, , signature] = user.accessToken.split('.')
    const later = Math.floor(Date.now() / 1000) + 3600
    const cases: Array<[string, string]> = [
      ['signed with another secret', await signWith(randomBytes(32), real, later)],
      ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...real, exp: later })}.`],
      ['alg none with the real signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(real)}.${signature}`],
      [
        'payload changed to another user',
        `${header}.${b64({ ...real, sub: String(Number(real.sub) + 1) })}.${signature}`,
      ],
      ['payload with a later expiry', `${header}.${b64({ ...real, exp: later + 86_400 })}.${signature}`],
    ]
    if (user.refreshToken) cases.push(['the refresh token', user.refreshToken])
    else await annotate(NO_REFRESH_TOKEN, 'skip')
    if (suite.capabilities.stream.offered) {
      const { video } = await generate(suite.apiUrl, user)
      const stream = StreamTokenResponse.parse(
        (await api.post(`/api/v1/videos/${video.id}/stream-token`).set(user.auth).expect(200)).body,
      )
      cases.push(['a stream token', stream.token])
    }
    for (const [what, token] of cases) {
      const res = await api.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`)
      expect(res.status, what).toBe(401)
      await conformance.equal(
        `GET /auth/me with ${what}: detail`,
        'Could not validate credentials',
        res.body?.detail,
      )
    }
    // And the other way round: an access token is not a refresh token.
    const refresh = await api.post('/api/v1/auth/refresh').send({ refresh_token: user.accessToken })
    expect(refresh.status).toBe(401)
    await conformance.equal(
      'POST /auth/refresh with an access token: detail',
      'Invalid refresh token',
      GuideError.parse(refresh.body).detail,
    )
    // The genuine token still works: the refusals above are about the tokens, not the user.
    await api.get('/api/v1/auth/me').set(user.auth).expect(200)
  })

  test('an expired token signed with the API’s own secret, and one for a user that does not exist, are 401 @SEC-02', async ({
    api,
    suite,
    user,
    conformance,
    skip,
    annotate,
  }) => {
    if (!suite.jwtSecret)
      return skipWithReason({ skip, annotate }, 'needs the API’s JWT secret (TARGET_JWT_SECRET)')
    const secret = new TextEncoder().encode(suite.jwtSecret)
    // Minted in the target's own claims (those of the user's real tokens), only the expiry or the user changed.
    const real = claimsOf(user.accessToken)
    const now = Math.floor(Date.now() / 1000)
    const expired = await signWith(secret, real, now - 60)
    const nobody = await signWith(secret, { ...real, sub: '2147483000' }, now + 600)
    for (const [what, token] of [
      ['expired a minute ago', expired],
      ['for a user that does not exist', nobody],
    ] as const) {
      const res = await api.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`)
      expect(res.status, what).toBe(401)
      await conformance.equal(
        `GET /auth/me with a token ${what}: detail`,
        'Could not validate credentials',
        res.body?.detail,
      )
    }
    const refreshClaims = user.refreshToken ? claimsOf(user.refreshToken) : { ...real, typ: 'refresh' }
    const expiredRefresh = await signWith(secret, refreshClaims, now - 60)
    expect((await api.post('/api/v1/auth/refresh').send({ refresh_token: expiredRefresh })).status).toBe(401)
  })
})
