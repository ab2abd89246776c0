import { describe, expect, it } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { buildTestApp, CLIENT_ID, REDIRECT_URI } from './helpers.ts'

function choose(fields: Record<string, string>) {
  return {
    method: 'POST' as const,
    url: '/o/oauth2/v2/auth/choose',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email profile',
      state: 's-42',
      ...fields,
    }).toString(),
  }
}

describe('choosing an account', () => {
  it('redirects to redirect_uri with a code and the state', async () => {
    const { app, logs } = await buildTestApp()
    const res = await app.inject(choose({ email: 'bob@example.test' }))
    expect(res.statusCode).toBe(302)
    const location = new URL(res.headers.location as string)
    expect(location.origin + location.pathname).toBe(REDIRECT_URI)
    expect(location.searchParams.get('code')).toBeTruthy()
    expect(location.searchParams.get('state')).toBe('s-42')
    expect(logs.find((l) => l.event === LogEvent.googleAuthorized)).toMatchObject({
      email: 'bob@example.test',
      promptNone: false,
    })
  })

  it('answers the page again with an error when the typed email is not an email', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject(choose({ email: 'nope' }))
    expect(res.statusCode).toBe(400)
    expect(res.headers.location).toBeUndefined()
    expect(res.body).toContain('Enter a valid email address')
    expect(res.body).toContain('value="nope"')
  })

  it('re-checks the carried parameters: a tampered client_id gets no redirect', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject(choose({ email: 'bob@example.test', client_id: 'evil' }))
    expect(res.statusCode).toBe(400)
    expect(res.headers.location).toBeUndefined()
    expect(res.json()).toMatchObject({ error: 'invalid_client' })
  })
})
