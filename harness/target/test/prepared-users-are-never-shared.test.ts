import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { claimIndex, excludeFromLedger, noteTouched, touchedUsers, UserPoolExhausted } from '../user-pool.ts'

const run = promisify(execFile)
const POOL = resolve(import.meta.dirname, '../user-pool.ts')

describe('the prepared-user pool', () => {
  it('hands each index to one claimant only, across processes (as vitest forks are)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'))
    const script = `import { claimIndex } from ${JSON.stringify(POOL)}; const got = []; for (let i = 0; i < 5; i++) got.push(claimIndex(${JSON.stringify(dir)}, 20)); console.log(JSON.stringify(got))`
    const outs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]),
      ),
    )
    const claimed = outs.flatMap((o) => JSON.parse(o.stdout) as number[]).sort((a, b) => a - b)
    expect(claimed).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(() => claimIndex(dir, 20)).toThrow(UserPoolExhausted)
  })

  it('notes each touched user once, with its first balance, and keeps exclusions with their reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'))
    const api = 'http://127.0.0.1:9000'
    const user = { id: 7, apiUrl: api, accessToken: 't7', startCredits: 100, suite: 'API acceptance' }
    noteTouched(dir, user)
    noteTouched(dir, { ...user, id: 8, suite: 'Reliability, security and bad input' })
    excludeFromLedger(dir, [{ ...user, startCredits: 1_000_000 }], 'credits set through the database')
    expect(touchedUsers(dir, 'API acceptance')).toEqual([
      { ...user, excluded: 'credits set through the database' },
    ])
    expect(touchedUsers(dir, 'Reliability, security and bad input').map((u) => u.id)).toEqual([8])
  })

  it('tells apart users with the same id on different stacks (a suite may run on several)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'))
    const user = { id: 1, accessToken: 't1', startCredits: 100, suite: 'Reliability, security and bad input' }
    noteTouched(dir, { ...user, apiUrl: 'http://127.0.0.1:9000' })
    noteTouched(dir, { ...user, apiUrl: 'http://127.0.0.1:9100' })
    excludeFromLedger(dir, [{ ...user, apiUrl: 'http://127.0.0.1:9100' }], 'credits set through the database')
    expect(touchedUsers(dir, user.suite).map((u) => [u.apiUrl, u.excluded])).toEqual([
      ['http://127.0.0.1:9000', undefined],
      ['http://127.0.0.1:9100', 'credits set through the database'],
    ])
  })
})
