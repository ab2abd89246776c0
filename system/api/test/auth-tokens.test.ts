import { SignJWT } from 'jose'
import { describe, expect } from 'vitest'
import { createTokenService } from '../src/services/tokens.ts'
import { JWT_SECRET, test } from './fixture.ts'

const protectedRoutes: Array<[string, string]> = [
  ['GET', '/api/v1/auth/me'],
  ['POST', '/api/v1/auth/logout'],
  ['GET', '/api/v1/users/credits'],
  ['POST', '/api/v1/videos/generate'],
  ['GET', '/api/v1/videos'],
  ['GET', '/api/v1/videos/1'],
  ['POST', '/api/v1/videos/1/stream-token'],
  ['POST', '/api/v1/upload/image'],
]
const key = new TextEncoder().encode(JWT_SECRET)
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

describe('Bearer authentication', () => {
  test.for(protectedRoutes)(
    'refuses %s %s without a token with 401 and a detail',
    async ([method, url], { api }) => {
      const res = await api.app.inject({ method: method as 'GET', url })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({ detail: 'Not authenticated' })
    },
  )

  test('answers /auth/me with the user for a valid access token', async ({ api }) => {
    const { user, auth } = await api.signIn('me@example.test')
    const res = await api.app.inject({ url: '/api/v1/auth/me', headers: auth })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: user.id, email: 'me@example.test', credits: 100 })
  })

  const forged: Array<[string, (userId: number) => Promise<string>]> = [
    [
      'a token signed with another secret',
      (id) => createTokenService('x'.repeat(40)).sign({ userId: id, kind: 'access' }, 600),
    ],
    [
      'an unsigned alg:none token',
      async (id) =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: String(id), typ: 'access', exp: 9e9 })}.`,
    ],
    [
      'an expired token',
      (id) =>
        new SignJWT({ typ: 'access' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(String(id))
          .setIssuedAt(1_600_000_000)
          .setExpirationTime(1_600_000_600)
          .sign(key),
    ],
    [
      'a refresh token used as access token',
      (id) => createTokenService(JWT_SECRET).sign({ userId: id, kind: 'refresh' }, 600),
    ],
    [
      'a stream token used as access token',
      (id) => createTokenService(JWT_SECRET).sign({ userId: id, kind: 'stream', videoId: 1 }, 60),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ]
  test.for(forged)('refuses %s with 401', async ([, make], { api }) => {
    const { user } = await api.signIn()
    const res = await api.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${await make(user.id)}` },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ detail: 'Could not validate credentials' })
  })

  test('exchanges a refresh token for new tokens, and refuses an access token there', async ({ api }) => {
    const { user, token } = await api.signIn()
    const refresh = await createTokenService(JWT_SECRET).sign({ userId: user.id, kind: 'refresh' }, 600)
    const ok = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: refresh },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ token_type: 'bearer', expires_in: 1800 })
    const me = await api.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${ok.json().access_token}` },
    })
    expect(me.json().id).toBe(user.id)
    const refused = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refresh_token: token },
    })
    expect(refused.statusCode).toBe(401)
  })

  test('answers logout with 204', async ({ api }) => {
    const { auth } = await api.signIn()
    const res = await api.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth })
    expect(res.statusCode).toBe(204)
  })
})
