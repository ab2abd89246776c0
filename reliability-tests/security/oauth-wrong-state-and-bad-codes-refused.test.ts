import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { uniqueEmail } from '../../api-tests/support/sign-in.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import { fetchAuthorizationCode } from '../../system/mock-google/src/login-hint.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { beginSignIn, readCallback } from '../../system/web/src/client/oauth.ts'
import { MemoryStorage } from '../../system/web/test/memory-storage.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { recordSecret } from '../support/secrets.ts'

describe('OAuth sign-in', () => {
  test('the web callback with a wrong state is refused without exchanging the code @SEC-04', async ({
    suite,
    conformance,
    skip,
    annotate,
  }) => {
    if (!suite.webUrl) return skipWithReason({ skip, annotate }, 'needs the web app (TARGET_WEB_URL)')
    // The page itself is served on the callback URL: never cached, never handing the code on as a Referer.
    const page = await request(suite.webUrl).get('/auth/callback').query({ code: 'abc', state: 'forged' })
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toMatch(/\bno-store\b/)
    await conformance.equal('web /auth/callback: cache-control', 'no-store', page.headers['cache-control'])
    await conformance.equal(
      'web /auth/callback: referrer-policy',
      'no-referrer',
      page.headers['referrer-policy'],
    )
    // What follows runs our web app's own callback code (system/web), not the target's: locally only.
    if (suite.mode === 'target') return
    // The state check runs in the page (it alone holds the state, in sessionStorage): this is that code,
    // fed a real authorize round trip whose state was swapped. The browser walk is e2e's.
    const origin = new URL(suite.webUrl).origin
    const startSignIn = () => {
      const tab = new MemoryStorage()
      const config = { googleAuthUrl: `${suite.googleUrl ?? origin}/o/oauth2/v2/auth`, googleClientId: 'x' }
      const state = new URL(beginSignIn(config, tab, { origin, search: '' })).searchParams.get('state')!
      return { tab, state }
    }
    const callback = (state: string | null) => {
      const url = new URL(`${origin}/auth/callback`)
      url.searchParams.set('code', 'a-real-looking-code')
      if (state !== null) url.searchParams.set('state', state)
      return url
    }
    for (const forged of [() => 'forged', (s: string) => `${s}x`, () => null, () => '']) {
      const { tab, state } = startSignIn()
      const result = readCallback(callback(forged(state)), tab)
      expect(result.kind, `state ${JSON.stringify(forged(state))}`).toBe('error')
      expect(result).not.toHaveProperty('code')
    }
    const { tab, state } = startSignIn()
    expect(readCallback(callback(state), tab).kind).toBe('code')
  })

  test('the API answers 401 to a made-up code, a replayed code and a code sent with another redirect URI @SEC-04', async ({
    api,
    suite,
    rel,
    skip,
    annotate,
  }) => {
    if (!suite.googleUrl) return skipWithReason({ skip, annotate }, 'needs TARGET_GOOGLE_URL (mock-google)')
    const codeFor = async () => {
      const code = await fetchAuthorizationCode(suite.googleUrl!, {
        clientId: suite.googleClientId,
        redirectUri: suite.redirectUri,
        state: randomUUID(),
        loginHint: uniqueEmail('oauth'),
      })
      if (!code.ok) throw new Error(code.detail)
      recordSecret(rel.secretsDir, 'oauth_code', code.value)
      return code.value
    }
    const exchange = (code: string, redirect_uri = suite.redirectUri) =>
      api.post('/api/v1/auth/google').send({ code, redirect_uri })

    const madeUp = await exchange(`made-up-${randomUUID()}`)
    expect(madeUp.status).toBe(401)
    expect(ErrorResponse.parse(madeUp.body).detail).toBe('Invalid or expired authorization code')

    const once = await codeFor()
    await exchange(once).expect(200)
    const replayed = await exchange(once)
    expect([replayed.status, replayed.body]).toEqual([
      401,
      { detail: 'Invalid or expired authorization code' },
    ])

    const elsewhere = await exchange(await codeFor(), 'https://evil.example/auth/callback')
    expect([elsewhere.status, elsewhere.body]).toEqual([
      401,
      { detail: 'Invalid or expired authorization code' },
    ])
  })
})
