import { skipWithReason } from '../../harness/vitest/skip.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { rawGet } from '../support/raw-http.ts'

/** Every answer of the web server, the page, its script, a preset image and a 404 alike. */
const PATHS = [
  '/',
  '/auth/callback?code=c&state=s',
  '/assets/app.js',
  '/presets/preset-1.png',
  '/no-such-page',
]

/**
 * Refusing to be framed (X-Frame-Options or CSP frame-ancestors) and nosniff are the baseline any web app
 * owes its users: without them a foreign page can frame the Generate button (clickjacking spends their
 * credits). Those fail the item on any deployment. The reference's strict CSP, its DENY and its
 * no-referrer go further: conformance.
 */
describe('the web server', () => {
  test('sends a strict CSP, nosniff, no-referrer and no framing on every answer @SEC-09', async ({
    suite,
    conformance,
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
      const frameAncestors = directives.get('frame-ancestors') ?? []
      const xfo = String(headers['x-frame-options'] ?? '').toUpperCase()
      const noFraming =
        ['DENY', 'SAMEORIGIN'].includes(xfo) || (frameAncestors.length > 0 && !frameAncestors.includes('*'))
      expect(noFraming, `${path}: framing refused (x-frame-options or frame-ancestors)`).toBe(true)
      expect(headers['x-content-type-options'], `${path}: x-content-type-options`).toBe('nosniff')
      const reference = {
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
      }
      for (const [name, values] of Object.entries(reference))
        await conformance.equal(`web ${path}: CSP ${name}`, values, directives.get(name))
      await conformance.equal(
        `web ${path}: CSP without unsafe-inline/eval`,
        false,
        /unsafe-inline|unsafe-eval/.test(csp),
      )
      // Only this origin and the API's may be reached from the page.
      const allowed = [`'self'`, new URL(suite.apiUrl).origin]
      await conformance.equal(
        `web ${path}: CSP connect-src beyond self and the API`,
        [],
        (directives.get('connect-src') ?? []).filter((s) => !allowed.includes(s)),
      )
      await conformance.equal(`web ${path}: referrer-policy`, 'no-referrer', headers['referrer-policy'])
      await conformance.equal(`web ${path}: x-frame-options`, 'DENY', headers['x-frame-options'])
    }
  })
})
