import { describe, expect, test } from '../fixtures/reliability.ts'
import { rawGet } from '../support/raw-http.ts'
import { skipWithReason } from '../support/skip.ts'

/** Every answer of the web server, the page, its script, a preset image and a 404 alike. */
const PATHS = [
  '/',
  '/auth/callback?code=c&state=s',
  '/assets/app.js',
  '/presets/preset-1.png',
  '/no-such-page',
]

describe('the web server', () => {
  test('sends a strict CSP, nosniff, no-referrer and no framing on every answer @SEC-09', async ({
    suite,
    skip,
    annotate,
  }) => {
    if (!suite.webUrl) return skipWithReason({ skip, annotate }, 'needs the web app (TARGET_WEB_URL)')
    for (const path of PATHS) {
      const { status, headers } = await rawGet(suite.webUrl, path)
      expect(status, path).toBeLessThan(500)
      const csp = String(headers['content-security-policy'] ?? '')
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/)
          return [name!, values] as const
        }),
      )
      expect(directives.get('default-src'), `${path}: default-src`).toEqual(["'none'"])
      expect(directives.get('script-src'), `${path}: script-src`).toEqual(["'self'"])
      expect(directives.get('frame-ancestors'), `${path}: frame-ancestors`).toEqual(["'none'"])
      expect(directives.get('base-uri'), `${path}: base-uri`).toEqual(["'none'"])
      expect(csp, `${path}: no inline code or eval`).not.toMatch(/unsafe-inline|unsafe-eval/)
      // Only this origin and the API's may be reached from the page.
      for (const source of directives.get('connect-src') ?? [])
        expect([`'self'`, new URL(suite.apiUrl).origin], `${path}: connect-src`).toContain(source)
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['referrer-policy'], path).toBe('no-referrer')
      expect(headers['x-frame-options'], path).toBe('DENY')
    }
  })
})
