/**
 * Debian's Chromium, as every browser run here uses it (DESIGN.md: no browser download):
 * `CHROMIUM_PATH` overrides `/usr/bin/chromium`.
 */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
