import { describe, expect, it } from 'vitest'
import { GoogleOAuthError } from '../../shared/schemas/google.ts'
import { CODE_TTL_MS } from '../src/codes.ts'
import { buildTestApp, exchange, obtainCode } from './helpers.ts'

describe('POST /token errors, in Google shape', () => {
  it('answers invalid_grant to a second exchange of the same code', async () => {
    const { app } = await buildTestApp()
    const code = await obtainCode(app)
    expect((await exchange(app, { code })).statusCode).toBe(200)
    const again = await exchange(app, { code })
    expect(again.statusCode).toBe(400)
    expect(GoogleOAuthError.parse(again.json())).toMatchObject({ error: 'invalid_grant' })
  })

  it('answers invalid_grant when redirect_uri differs from the authorization request, and burns the code', async () => {
    const { app } = await buildTestApp()
    const code = await obtainCode(app)
    const res = await exchange(app, { code, redirect_uri: 'http://127.0.0.1:8080/other' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/redirect_uri/),
    })
    expect((await exchange(app, { code })).json().error).toBe('invalid_grant')
  })

  it('answers 401 invalid_client to a wrong secret, without using the code up', async () => {
    const { app } = await buildTestApp()
    const code = await obtainCode(app)
    const res = await exchange(app, { code, client_secret: 'wrong' })
    expect(res.statusCode).toBe(401)
    expect(GoogleOAuthError.parse(res.json())).toMatchObject({ error: 'invalid_client' })
    expect((await exchange(app, { code })).statusCode).toBe(200)
  })

  it('answers 401 invalid_client to an unknown client_id', async () => {
    const { app } = await buildTestApp()
    const code = await obtainCode(app)
    const res = await exchange(app, { code, client_id: 'someone-else' })
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toBe('invalid_client')
  })

  it('answers invalid_grant to an unknown code and to one older than ten minutes', async () => {
    const { app, clock } = await buildTestApp()
    expect((await exchange(app, { code: 'made-up' })).json().error).toBe('invalid_grant')
    const code = await obtainCode(app)
    clock.now += CODE_TTL_MS
    const res = await exchange(app, { code })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/expired/),
    })
  })

  it('answers invalid_request and unsupported_grant_type to malformed requests', async () => {
    const { app } = await buildTestApp()
    expect((await exchange(app, { code: '' })).json().error).toBe('invalid_request')
    const refresh = await exchange(app, { grant_type: 'refresh_token', code: 'x' })
    expect(refresh.statusCode).toBe(400)
    expect(refresh.json().error).toBe('unsupported_grant_type')
  })
})
