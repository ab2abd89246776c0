import { describe, expect, it } from 'vitest'
import { buildTestApp, testConfig } from './helpers.ts'

describe('discovery, keys and health', () => {
  it('advertises its endpoints under the configured issuer', async () => {
    const { app } = await buildTestApp({
      config: testConfig({ MOCK_GOOGLE_ISSUER: 'http://google.test:4020/' }),
    })
    const res = await app.inject({ url: '/.well-known/openid-configuration' })
    expect(res.json()).toMatchObject({
      issuer: 'http://google.test:4020',
      authorization_endpoint: 'http://google.test:4020/o/oauth2/v2/auth',
      token_endpoint: 'http://google.test:4020/token',
      userinfo_endpoint: 'http://google.test:4020/oauth2/v3/userinfo',
      jwks_uri: 'http://google.test:4020/oauth2/v3/certs',
    })
  })

  it('derives the issuer from the Host header when none is configured', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject({
      url: '/.well-known/openid-configuration',
      headers: { host: '127.0.0.1:4555' },
    })
    expect(res.json().issuer).toBe('http://127.0.0.1:4555')
  })

  it('publishes one RSA signing key with a kid and no private part', async () => {
    const { app } = await buildTestApp()
    const { keys } = (await app.inject({ url: '/oauth2/v3/certs' })).json()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) })
    expect(keys[0].d).toBeUndefined()
  })

  it('answers the browser’s favicon request without an error', async () => {
    const { app } = await buildTestApp()
    expect((await app.inject({ url: '/favicon.ico' })).statusCode).toBe(204)
  })

  it('answers /health', async () => {
    const { app } = await buildTestApp()
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' })
  })

  it('reads the accounts from MOCK_GOOGLE_USERS when none are injected', async () => {
    const { buildMockGoogle } = await import('../src/app.ts')
    const { pino } = await import('pino')
    const app = await buildMockGoogle(testConfig({ MOCK_GOOGLE_USERS: 'fixtures/users.json' }), {
      logger: pino({ level: 'silent' }),
    })
    const res = await app.inject({
      url: '/o/oauth2/v2/auth?client_id=test-client&redirect_uri=http://x.test/cb&response_type=code',
    })
    await app.close()
    expect(res.body).toContain('data-testid="account-alice@example.test"')
  })
})
