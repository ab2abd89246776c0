import { describe, expect, it } from 'vitest'
import { MockSoraControl } from '../mock-sora-control.ts'
import { freePort } from '../ports.ts'

describe('mock-sora control client', () => {
  it('answers a value, not a throw, when mock-sora is not there', async () => {
    const control = new MockSoraControl(`http://127.0.0.1:${await freePort()}`)
    const r = await control.reset()
    expect(r.ok).toBe(false)
    expect(!r.ok && r.kind).toBe('unreachable')
  })
})
