import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildMockGoogle } from '../../mock-google/src/app.ts'
import { fetchAuthorizationCode } from '../../mock-google/src/login-hint.ts'
import { DEFAULT_GOOGLE_CLIENT_ID, DEFAULT_REDIRECT_URI, loadMockGoogleConfig } from '../../shared/config.ts'
import { TokenResponse } from '../../shared/schemas/auth.ts'
import { startApi, testEnv } from './fixture.ts'

// The API talks real HTTP to mock-google, as it would to Google.
let google: FastifyInstance
let googleUrl: string
let api: FastifyInstance
let cleanup: () => Promise<void>
const REDIRECT = DEFAULT_REDIRECT_URI

beforeAll(async () => {
  google = await buildMockGoogle(loadMockGoogleConfig({ LOG_LEVEL: 'warn' }))
  googleUrl = await google.listen({ port: 0, host: '127.0.0.1' })
  const env = await testEnv({
    GOOGLE_TOKEN_URL: `${googleUrl}/token`,
    GOOGLE_USERINFO_URL: `${googleUrl}/oauth2/v3/userinfo`,
  })
  api = (await startApi(env.config, env.db.pool)).app
  cleanup = env.cleanup
})
afterAll(async () => {
  await api.close()
  await google.close()
  await cleanup()
})

const codeFor = async (email: string) => {
  const code = await fetchAuthorizationCode(googleUrl, {
    clientId: DEFAULT_GOOGLE_CLIENT_ID,
    redirectUri: REDIRECT,
    state: 'st-1',
    loginHint: email,
  })
  if (!code.ok) throw new Error(code.detail)
  return code.value
}

describe('POST /api/v1/auth/google', () => {
  test('signs a new user in with 100.0 credits, and the same user again on the next sign-in', async () => {
    const first = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/google',
      payload: { code: await codeFor('newcomer@example.test'), redirect_uri: REDIRECT },
    })
    expect(first.statusCode).toBe(200)
    const tokens = TokenResponse.parse(first.json())
    const me = await api.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(me.json()).toMatchObject({ email: 'newcomer@example.test', credits: 100 })

    const again = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/google',
      payload: { code: await codeFor('newcomer@example.test'), redirect_uri: REDIRECT },
    })
    const me2 = await api.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${again.json().access_token}` },
    })
    expect(me2.json().id).toBe(me.json().id)
  })

  test('answers 401 for a code Google does not know, or one already used', async () => {
    const bad = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/google',
      payload: { code: 'made-up', redirect_uri: REDIRECT },
    })
    expect(bad.statusCode).toBe(401)
    expect(bad.json()).toHaveProperty('detail')
    const code = await codeFor('alice@example.test')
    const used = {
      method: 'POST' as const,
      url: '/api/v1/auth/google',
      payload: { code, redirect_uri: REDIRECT },
    }
    expect((await api.inject(used)).statusCode).toBe(200)
    expect((await api.inject(used)).statusCode).toBe(401)
  })

  test('answers 422 when the redirect_uri is not a URL', async () => {
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/google',
      payload: { code: 'x', redirect_uri: 'not a url' },
    })
    expect(res.statusCode).toBe(422)
  })
})
