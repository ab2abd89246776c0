import { describe, expect, it } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { authorizeQuery, buildTestApp, REDIRECT_URI } from './helpers.ts'

describe('login_hint + prompt=none', () => {
  it('redirects straight back to redirect_uri with a code and the state unchanged', async () => {
    const { app, logs } = await buildTestApp()
    const state = 'a b&c=d/é'
    const res = await app.inject({
      url: `/o/oauth2/v2/auth?${authorizeQuery({ login_hint: 'alice@example.test', prompt: 'none', state })}`,
    })
    expect(res.statusCode).toBe(302)
    const location = new URL(res.headers.location as string)
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI)
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{40,}$/)
    expect(location.searchParams.get('state')).toBe(state)
    expect(logs.find((l) => l.event === LogEvent.googleAuthorized)).toMatchObject({
      email: 'alice@example.test',
      clientId: 'test-client',
      promptNone: true,
    })
  })

  it('keeps query parameters already in redirect_uri', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject({
      url: `/o/oauth2/v2/auth?${authorizeQuery({ login_hint: 'alice@example.test', prompt: 'none', redirect_uri: 'http://localhost:9/cb?next=%2Fstudio' })}`,
    })
    const location = new URL(res.headers.location as string)
    expect(location.searchParams.get('next')).toBe('/studio')
    expect(location.searchParams.get('code')).toBeTruthy()
  })

  it('gives each sign-in a different code', async () => {
    const { app } = await buildTestApp()
    const url = `/o/oauth2/v2/auth?${authorizeQuery({ login_hint: 'alice@example.test', prompt: 'none' })}`
    const codes = await Promise.all([app.inject({ url }), app.inject({ url })]).then((rs) =>
      rs.map((r) => new URL(r.headers.location as string).searchParams.get('code')),
    )
    expect(codes[0]).not.toBe(codes[1])
  })

  it('redirects with error=login_required when there is no usable hint, like Google', async () => {
    const { app } = await buildTestApp()
    for (const extra of [{ prompt: 'none' }, { prompt: 'none', login_hint: 'not-an-email' }] as Record<
      string,
      string
    >[]) {
      const res = await app.inject({ url: `/o/oauth2/v2/auth?${authorizeQuery(extra)}` })
      expect(res.statusCode).toBe(302)
      const location = new URL(res.headers.location as string)
      expect(location.searchParams.get('error')).toBe('login_required')
      expect(location.searchParams.get('code')).toBeNull()
      expect(location.searchParams.get('state')).toBe('state-123')
    }
  })
})
