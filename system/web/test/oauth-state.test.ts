import { describe, expect, it } from 'vitest'
import { beginSignIn, OAUTH_STATE_KEY, readCallback } from '../src/client/oauth.ts'
import { MemoryStorage } from './memory-storage.ts'

const config = { googleAuthUrl: 'http://google.test/o/oauth2/v2/auth', googleClientId: 'aivideo-local' }
const here = { origin: 'http://localhost:8080', search: '?transport=poll' }

function startedSignIn() {
  const storage = new MemoryStorage()
  const url = new URL(beginSignIn(config, storage, here))
  return { storage, url, state: url.searchParams.get('state')! }
}

describe('the Google sign-in redirect', () => {
  it('sends the browser to the authorize endpoint with a fresh random state kept in sessionStorage', () => {
    const a = startedSignIn()
    const b = startedSignIn()
    expect(a.url.origin + a.url.pathname).toBe(config.googleAuthUrl)
    expect(Object.fromEntries(a.url.searchParams)).toMatchObject({
      client_id: 'aivideo-local',
      redirect_uri: 'http://localhost:8080/auth/callback',
      response_type: 'code',
      scope: 'openid email profile',
    })
    expect(a.state).toMatch(/^[0-9a-f]{32}$/)
    expect(a.state).not.toBe(b.state)
    expect(JSON.parse(a.storage.getItem(OAUTH_STATE_KEY)!)).toEqual({
      state: a.state,
      returnTo: '?transport=poll',
    })
  })

  it('accepts the callback with the same state, once, and returns to the query it left', () => {
    const { storage, state } = startedSignIn()
    const url = new URL(`http://localhost:8080/auth/callback?code=abc&state=${state}`)
    expect(readCallback(url, storage)).toEqual({
      kind: 'code',
      code: 'abc',
      redirectUri: 'http://localhost:8080/auth/callback',
      returnTo: '?transport=poll',
    })
    expect(readCallback(url, storage)).toMatchObject({ kind: 'error' }) // the state is used up
  })

  it('refuses a callback whose state differs or is missing, without handing out the code', () => {
    for (const query of ['code=abc&state=forged', 'code=abc']) {
      const { storage } = startedSignIn()
      const result = readCallback(new URL(`http://localhost:8080/auth/callback?${query}`), storage)
      expect(result).toMatchObject({ kind: 'error', message: expect.stringContaining('Sign-in refused') })
      expect(result).not.toHaveProperty('code')
    }
    const never = readCallback(
      new URL('http://localhost:8080/auth/callback?code=abc&state=x'),
      new MemoryStorage(),
    )
    expect(never.kind).toBe('error')
  })

  it('reports an error answer (e.g. access_denied) and ignores other pages', () => {
    const { storage, state } = startedSignIn()
    expect(
      readCallback(
        new URL(`http://localhost:8080/auth/callback?error=access_denied&state=${state}`),
        storage,
      ),
    ).toMatchObject({ kind: 'error', message: 'Google sign-in failed (access_denied). Please try again.' })
    expect(readCallback(new URL('http://localhost:8080/?code=abc'), storage)).toEqual({ kind: 'none' })
  })
})
