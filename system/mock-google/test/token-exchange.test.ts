import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { GoogleTokenResponse } from '../../shared/schemas/google.ts'
import {
  buildTestApp,
  CLIENT_ID,
  CLIENT_SECRET,
  exchange,
  obtainCode,
  REDIRECT_URI,
  testConfig,
} from './helpers.ts'

describe('POST /token', () => {
  it('exchanges a code for tokens whose id_token verifies against the JWKS', async () => {
    const { app, logs } = await buildTestApp()
    const code = await obtainCode(app, 'bob@example.test')
    const res = await exchange(app, { code })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = GoogleTokenResponse.parse(res.json())
    expect(body).toMatchObject({ expires_in: 3599, token_type: 'Bearer', scope: 'openid email profile' })

    const jwks = (await app.inject({ url: '/oauth2/v3/certs' })).json()
    expect(decodeProtectedHeader(body.id_token)).toMatchObject({ alg: 'RS256', kid: jwks.keys[0].kid })
    const { payload } = await jwtVerify(body.id_token, createLocalJWKSet(jwks), {
      issuer: 'http://localhost:80',
      audience: CLIENT_ID,
    })
    expect(payload).toMatchObject({
      sub: '1000002',
      email: 'bob@example.test',
      email_verified: true,
      name: 'Bob Builder',
      picture: '/avatars/bob.png',
    })
    expect(payload.exp! - payload.iat!).toBe(3599)
    expect(logs.find((l) => l.event === LogEvent.googleToken)).toMatchObject({ email: 'bob@example.test' })
  })

  it('accepts a JSON body and HTTP Basic client credentials', async () => {
    const { app } = await buildTestApp()
    const code = await obtainCode(app)
    const res = await app.inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}` },
      payload: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().access_token).toBeTruthy()
  })

  it('signs id_tokens that verify through the jwks_uri of the discovery document', async () => {
    const { app } = await buildTestApp()
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const discovery = await (await fetch(`${base}/.well-known/openid-configuration`)).json()
    const tokens = await fetch(`${base}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: await obtainCode(app),
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uri: REDIRECT_URI,
      }),
    }).then((r) => r.json())
    const { payload } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer,
      audience: CLIENT_ID,
    })
    expect(payload.iss).toBe(base)
  })

  it('sets iss to MOCK_GOOGLE_ISSUER when it is configured', async () => {
    const { app } = await buildTestApp({
      config: testConfig({ MOCK_GOOGLE_ISSUER: 'http://google.test:4020' }),
    })
    const { id_token } = (await exchange(app, { code: await obtainCode(app) })).json()
    expect(decodeJwt(id_token).iss).toBe('http://google.test:4020')
  })
})
