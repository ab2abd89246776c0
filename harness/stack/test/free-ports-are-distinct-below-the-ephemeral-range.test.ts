import { describe, expect, it } from 'vitest'
import { ephemeralRangeStart, freePort } from '../ports.ts'

describe('free ports for a stack', () => {
  it('are distinct, free, and below the range the kernel gives outgoing connections', async () => {
    const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()))
    expect(new Set(ports).size).toBe(50)
    for (const p of ports) expect(p).toBeGreaterThanOrEqual(20000)
    for (const p of ports) expect(p).toBeLessThan(ephemeralRangeStart())
  })

  it("read that range's start from the kernel, or assume Linux's default", () => {
    expect(ephemeralRangeStart(() => '40000\t60999\n')).toBe(40000)
    expect(ephemeralRangeStart(() => 'garbage')).toBe(32768)
    expect(
      ephemeralRangeStart(() => {
        throw new Error('no /proc')
      }),
    ).toBe(32768)
  })
})
