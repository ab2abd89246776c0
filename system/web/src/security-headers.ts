import type { WebConfig } from '../../shared/config.ts'

/**
 * The page's Content-Security-Policy: scripts and styles only from this origin (no inline code at all),
 * the API origin for fetch/EventSource, images (uploads, posters) and media (generated videos).
 * The Login button navigates to Google with `location.assign`, which CSP does not govern.
 */
export function contentSecurityPolicy(config: Pick<WebConfig, 'API_BASE_URL'>): string {
  const api = new URL(config.API_BASE_URL).origin
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${api}`,
    `media-src 'self' ${api}`,
    `connect-src 'self' ${api}`,
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Sent with every response of the web server. */
export function securityHeaders(config: Pick<WebConfig, 'API_BASE_URL'>): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(config),
    'x-content-type-options': 'nosniff',
    // The OAuth callback URL carries a code: never hand it to anyone as a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  }
}
