import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildClientBundle } from '../src/build.ts'

const CLIENT_DIR = resolve(import.meta.dirname, '../src/client')
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

describe('the browser bundle', () => {
  it('builds with esbuild into one ESM file with a linked source map, English messages only', async () => {
    const bundle = await buildClientBundle()
    expect(bundle.js).toContain('//# sourceMappingURL=app.js.map')
    expect(JSON.parse(bundle.map)).toMatchObject({ version: 3 })
    expect(bundle.bytes).toBeLessThan(300 * 1024) // zod's other 40 locales are left out
    expect(bundle.js).toContain('jitless') // zod told not to probe eval, which the CSP forbids
  })

  it('never turns text into markup: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    for (const file of sources(CLIENT_DIR)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      )
    }
  })

  it('never uses alert(), confirm() or prompt(): messages are toasts', () => {
    for (const file of sources(CLIENT_DIR)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\b(alert|confirm|window\.prompt)\(/)
    }
  })
})
