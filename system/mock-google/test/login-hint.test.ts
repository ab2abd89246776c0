import { describe, expect, it } from 'vitest'
import { authorizeUrl, fetchAuthorizationCode } from '../src/login-hint.ts'
import { buildTestApp, CLIENT_ID, exchange, REDIRECT_URI } from './helpers.ts'

describe('the login-hint helper', () => {
  it('builds the authorize URL, with prompt=none only when a hint is given', () => {
    const params = { clientId: 'c', redirectUri: 'http://127.0.0.1:8080/cb', state: 's 1' }
    const interactive = new URL(authorizeUrl('http://127.0.0.1:4020/', params))
    expect(interactive.pathname).toBe('/o/oauth2/v2/auth')
    expect(Object.fromEntries(interactive.searchParams)).toEqual({
      client_id: 'c',
      redirect_uri: 'http://127.0.0.1:8080/cb',
      response_type: 'code',
      scope: 'openid email profile',
      state: 's 1',
    })
    const silent = new URL(authorizeUrl('http://127.0.0.1:4020', { ...params, loginHint: 'a@example.test' }))
    expect(silent.searchParams.get('login_hint')).toBe('a@example.test')
    expect(silent.searchParams.get('prompt')).toBe('none')
  })

  it('signs in over HTTP and returns a code the token endpoint accepts', async () => {
    const { app } = await buildTestApp()
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const code = await fetchAuthorizationCode(base, {
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      state: 'xyz',
      loginHint: 'alice@example.test',
    })
    if (!code.ok) throw new Error(code.detail)
    expect((await exchange(app, { code: code.value })).statusCode).toBe(200)
  })

  it('reports a refused request as a value, not an exception', async () => {
    const { app } = await buildTestApp()
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const result = await fetchAuthorizationCode(base, {
      clientId: 'wrong',
      redirectUri: REDIRECT_URI,
      state: 'xyz',
      loginHint: 'alice@example.test',
    })
    expect(result).toMatchObject({ ok: false, kind: 'no_redirect' })
  })
})
