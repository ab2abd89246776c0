import { describe, expect, it } from 'vitest'
import { GoogleUserInfo } from '../../shared/schemas/google.ts'
import { ACCESS_TOKEN_TTL_S } from '../src/access-tokens.ts'
import { buildTestApp, exchange, obtainCode } from './helpers.ts'

describe('GET /oauth2/v3/userinfo', () => {
  it('answers the profile for a valid access token', async () => {
    const { app } = await buildTestApp()
    const { access_token } = (await exchange(app, { code: await obtainCode(app) })).json()
    const res = await app.inject({
      url: '/oauth2/v3/userinfo',
      headers: { authorization: `Bearer ${access_token}` },
    })
    expect(res.statusCode).toBe(200)
    expect(GoogleUserInfo.parse(res.json())).toEqual({
      sub: '1000001',
      email: 'alice@example.test',
      email_verified: true,
      name: 'Alice Tester',
      picture: null,
    })
  })

  it('answers 401 invalid_token without a token, with an unknown one, and with an expired one', async () => {
    const { app, clock } = await buildTestApp()
    const { access_token } = (await exchange(app, { code: await obtainCode(app) })).json()
    clock.now += ACCESS_TOKEN_TTL_S * 1000
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${access_token}` },
    ]) {
      const res = await app.inject({ url: '/oauth2/v3/userinfo', headers })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({ error: 'invalid_token' })
      expect(res.headers['www-authenticate']).toContain('invalid_token')
    }
  })
})
