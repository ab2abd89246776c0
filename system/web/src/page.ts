import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { WebConfig } from '../../shared/config.ts'

export const PUBLIC_DIR = resolve(import.meta.dirname, 'public')

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeAttr = (value: string) => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)

/** What the page learns at serve time, as `<meta name=... content=...>` (no inline script needed). */
export function pageSettings(config: WebConfig): Record<string, string> {
  return {
    'api-base-url': config.API_BASE_URL.replace(/\/+$/, ''),
    'google-auth-url': config.GOOGLE_AUTH_URL,
    'google-client-id': config.GOOGLE_CLIENT_ID,
  }
}

/** index.html with `{{settings}}` replaced by the escaped meta tags; rendered once per app. */
export function renderIndexHtml(
  config: WebConfig,
  template = readFileSync(resolve(PUBLIC_DIR, 'index.html'), 'utf8'),
) {
  const metas = Object.entries(pageSettings(config))
    .map(([name, value]) => `<meta name="${name}" content="${escapeAttr(value)}">`)
    .join('\n    ')
  if (!template.includes('{{settings}}')) throw new Error('index.html lacks the {{settings}} placeholder')
  return template.replace('{{settings}}', metas)
}
