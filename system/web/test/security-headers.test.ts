import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../src/security-headers.ts'
import { buildTestApp, testConfig } from './helpers.ts'

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values]
    }),
  )

describe('security headers', () => {
  it('sends the same strict headers with the page, the bundle, a preset, /health and a 404', async () => {
    const app = await buildTestApp()
    for (const url of [
      '/',
      '/auth/callback',
      '/assets/app.js',
      '/presets/preset-1.png',
      '/health',
      '/nope',
    ]) {
      const res = await app.inject({ url })
      expect(res.headers['content-security-policy'], url).toBe(contentSecurityPolicy(testConfig()))
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['referrer-policy'], url).toBe('no-referrer')
      expect(res.headers['x-frame-options'], url).toBe('DENY')
    }
  })

  it('allows scripts and styles only from itself, and the API origin only for fetch, images and media', () => {
    const csp = directives(contentSecurityPolicy(testConfig({ API_BASE_URL: 'http://api.test:8000/base/' })))
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['style-src']).toEqual(["'self'"])
    expect(csp['connect-src']).toEqual(["'self'", 'http://api.test:8000'])
    expect(csp['media-src']).toEqual(["'self'", 'http://api.test:8000'])
    expect(csp['img-src']).toEqual(["'self'", 'http://api.test:8000'])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-(inline|eval)/)
  })
})
