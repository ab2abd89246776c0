import { randomBytes } from 'node:crypto'
import { SignJWT } from 'jose'
import { StreamTokenResponse } from '../../system/shared/schemas/auth.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { NEEDS_STACK } from '../fixtures/test.ts'
import { skipWithReason } from '../support/skip.ts'
import { generate } from '../support/videos.ts'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString())
const signWith = (secret: Uint8Array, claims: Record<string, unknown>, expS: number) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime(expS).sign(secret)

describe('tokens', () => {
  test('a forged signature, alg none, a tampered payload, and a refresh or stream token used as access are 401 @SEC-02', async ({
    api,
    suite,
    user,
  }) => {
    const real = claimsOf(user.accessToken)
    const [header, , signature] = user.accessToken.split('.')
    const later = Math.floor(Date.now() / 1000) + 3600
    const { video } = await generate(suite.apiUrl, user)
    const stream = StreamTokenResponse.parse(
      (await api.post(`/api/v1/videos/${video.id}/stream-token`).set(user.auth).expect(200)).body,
    )
    const cases: Array<[string, string]> = [
      ['signed with another secret', await signWith(randomBytes(32), real, later)],
      ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...real, exp: later })}.`],
      ['alg none with the real signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(real)}.${signature}`],
      [
        'payload changed to another user',
        `${header}.${b64({ ...real, sub: String(Number(real.sub) + 1) })}.${signature}`,
      ],
      ['payload with a later expiry', `${header}.${b64({ ...real, exp: later + 86_400 })}.${signature}`],
      ['the refresh token', user.refreshToken],
      ['a stream token', stream.token],
    ]
    for (const [what, token] of cases) {
      const res = await api.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`)
      expect(res.status, what).toBe(401)
      expect(ErrorResponse.parse(res.body).detail, what).toBe('Could not validate credentials')
    }
    // And the other way round: an access token is not a refresh token.
    const refresh = await api.post('/api/v1/auth/refresh').send({ refresh_token: user.accessToken })
    expect(refresh.status).toBe(401)
    expect(ErrorResponse.parse(refresh.body).detail).toBe('Invalid refresh token')
    // The genuine token still works: the refusals above are about the tokens, not the user.
    await api.get('/api/v1/auth/me').set(user.auth).expect(200)
  })

  test('an expired token signed with the API’s own secret, and one for a user that does not exist, are 401 @SEC-02', async ({
    api,
    rel,
    user,
    skip,
    annotate,
  }) => {
    if (!rel.stackSecrets) return skipWithReason({ skip, annotate }, `${NEEDS_STACK} (the JWT secret)`)
    const secret = new TextEncoder().encode(rel.stackSecrets.jwtSecret)
    const real = claimsOf(user.accessToken)
    const now = Math.floor(Date.now() / 1000)
    const expired = await signWith(secret, { ...real, iat: now - 7200 }, now - 60)
    const nobody = await signWith(secret, { ...real, sub: '2147483000' }, now + 600)
    for (const [what, token] of [
      ['expired a minute ago', expired],
      ['for a user that does not exist', nobody],
    ] as const) {
      const res = await api.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`)
      expect(res.status, what).toBe(401)
      expect(ErrorResponse.parse(res.body).detail, what).toBe('Could not validate credentials')
    }
    const expiredRefresh = await signWith(secret, { ...real, typ: 'refresh' }, now - 60)
    expect((await api.post('/api/v1/auth/refresh').send({ refresh_token: expiredRefresh })).status).toBe(401)
  })
})
