import { describe, expect, it } from 'vitest'
import { ConfigError, loadWebConfig } from '../../shared/config.ts'
import { buildTestApp, testConfig } from './helpers.ts'

const meta = (html: string, name: string) =>
  html.match(new RegExp(`<meta name="${name}" content="([^"]*)">`))?.[1]

describe('configuration injected at serve time', () => {
  it('puts the API base URL, the Google authorize URL and client id in <meta> tags, not a script', async () => {
    const app = await buildTestApp(testConfig({ GOOGLE_CLIENT_ID: 'client-42' }))
    const res = await app.inject({ url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(meta(res.body, 'api-base-url')).toBe('http://api.test:8000')
    expect(meta(res.body, 'google-auth-url')).toBe('http://google.test:4020/o/oauth2/v2/auth')
    expect(meta(res.body, 'google-client-id')).toBe('client-42')
    expect(res.body).not.toContain('{{settings}}')
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/) // no inline script at all
  })

  it('escapes the injected values', async () => {
    const app = await buildTestApp(testConfig({ GOOGLE_CLIENT_ID: '"><script>x</script>' }))
    const res = await app.inject({ url: '/' })
    expect(meta(res.body, 'google-client-id')).toBe('&quot;&gt;&lt;script&gt;x&lt;/script&gt;')
    expect(res.body).not.toContain('<script>x</script>')
  })

  it('answers the OAuth callback with the same page, and never the raw template', async () => {
    const app = await buildTestApp()
    const page = await app.inject({ url: '/' })
    const callback = await app.inject({ url: '/auth/callback?code=c&state=s' })
    expect(callback.statusCode).toBe(200)
    expect(callback.body).toBe(page.body)
    expect((await app.inject({ url: '/assets/index.html' })).statusCode).toBe(404)
  })

  it('loadWebConfig has the guide’s defaults and names the variable it rejects', () => {
    expect(loadWebConfig({})).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 8080,
      API_BASE_URL: 'http://localhost:8000',
      GOOGLE_AUTH_URL: 'http://localhost:4020/o/oauth2/v2/auth',
      GOOGLE_CLIENT_ID: 'aivideo-local',
    })
    expect(() => loadWebConfig({ API_BASE_URL: 'not a url' })).toThrow(/API_BASE_URL/)
    expect(() => loadWebConfig({ GOOGLE_AUTH_URL: 'ftp://x/auth' })).toThrow(ConfigError)
    expect(() => loadWebConfig({ GOOGLE_AUTH_URL: 'ftp://x/auth' })).toThrow(/GOOGLE_AUTH_URL/)
    expect(() => loadWebConfig({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})
