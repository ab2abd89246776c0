import { describe, expect, it } from 'vitest'
import { authorizeQuery, buildTestApp } from './helpers.ts'

const hint = { login_hint: 'alice@example.test', prompt: 'none' }

describe('a bad authorization request', () => {
  it.each([
    [
      'an unknown client_id',
      { client_id: 'evil-client', redirect_uri: 'https://evil.test/steal' },
      'invalid_client',
    ],
    ['no client_id', { client_id: '' }, 'invalid_request'],
    ['a relative redirect_uri', { redirect_uri: '/callback' }, 'invalid_request'],
    ['a non-http redirect_uri', { redirect_uri: 'javascript:alert(1)' }, 'invalid_request'],
    ['a redirect_uri with a fragment', { redirect_uri: 'http://127.0.0.1:8080/cb#x' }, 'invalid_request'],
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
  ])('with %s answers 400 and does not redirect', async (_what, params, error) => {
    const { app, logs } = await buildTestApp()
    const res = await app.inject({ url: `/o/oauth2/v2/auth?${authorizeQuery({ ...hint, ...params })}` })
    expect(res.statusCode).toBe(400)
    expect(res.headers.location).toBeUndefined()
    expect(res.json()).toMatchObject({ error, error_description: expect.any(String) })
    expect(logs.some((l) => l.event === 'mock.google.authorized')).toBe(false)
  })

  it('shows a browser an error page saying what is wrong, escaped', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject({
      url: `/o/oauth2/v2/auth?${authorizeQuery({ response_type: '<b>token</b>' })}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('unsupported_response_type')
    expect(res.body).toContain('&lt;b&gt;token&lt;/b&gt;')
    expect(res.body).not.toContain('<b>token')
  })
})
