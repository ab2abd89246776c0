import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { commandFor, REPO_ROOT } from '../services.ts'
import { DEFAULT_ENTRIES } from '../stack-options.ts'
import { sourceHash, systemBuild } from '../system-build.ts'

describe("the system's build", () => {
  const copy = mkdtempSync(join(tmpdir(), 'aivideo-system-copy-'))
  afterAll(() => rmSync(copy, { recursive: true, force: true }))

  it('is named by its sources: a changed source makes another build, a changed test does not', () => {
    cpSync(join(REPO_ROOT, 'system'), copy, { recursive: true })
    const before = sourceHash(copy)
    expect(sourceHash(copy)).toBe(before)
    writeFileSync(join(copy, 'api/test/any.test.ts'), 'export {}\n')
    expect(sourceHash(copy)).toBe(before)
    writeFileSync(join(copy, 'shared/config.ts'), '\n', { flag: 'a' })
    expect(sourceHash(copy)).not.toBe(before)
  })

  it('runs the default servers from their bundles, any other entry through tsx', async () => {
    const build = await systemBuild()
    expect(commandFor(DEFAULT_ENTRIES.api, build).args).toEqual([
      '--enable-source-maps',
      join(build.dir, 'api.mjs'),
    ])
    expect(commandFor('harness/stack/test/fixtures/stand-in-service.ts', build).args).toEqual([
      '--import',
      'tsx',
      join(REPO_ROOT, 'harness/stack/test/fixtures/stand-in-service.ts'),
    ])
  })
})
