import { describe, expect, it } from 'vitest'
import { noiseBand, shiftBeyondNoise } from '../noise.ts'

const rule = { minBefore: 3, minRelative: 0.1 }

describe('a change beyond the noise', () => {
  it('is outside the earlier runs’ range by more than its width, named from the run it started at', () => {
    expect(shiftBeyondNoise([2.1, 2.3, 2.2, 2.2, 9.8, 9.6], rule)).toEqual({
      since: 4,
      from: 2.2,
      to: 9.6,
      direction: 'up',
    })
    expect(shiftBeyondNoise([10.4, 10.9, 10.6, 6.1], rule)?.direction).toBe('down')
  })

  it('is not a value within the spread the earlier runs already showed', () => {
    // Earlier runs ranged 10.4–11.0 (width 0.6): 11.5 is outside the range but within its width.
    const width = { minBefore: 3, minRelative: 0 }
    const band = noiseBand([10.4, 11.0, 10.7], width)
    expect(band.low).toBeCloseTo(9.8)
    expect(band.high).toBeCloseTo(11.6)
    expect(shiftBeyondNoise([10.4, 11.0, 10.7, 11.5], width)).toBeUndefined()
    expect(shiftBeyondNoise([10.4, 11.0, 10.7, 11.7], width)?.since).toBe(3)
  })

  it('needs a floor when the earlier runs agreed exactly: by default 10 % of their median', () => {
    expect(shiftBeyondNoise([2, 2, 2, 2.1], rule)).toBeUndefined()
    expect(shiftBeyondNoise([2, 2, 2, 2.3], rule)?.to).toBe(2.3)
    // A pass rate has no floor: one failing test after runs that all passed is a change.
    expect(shiftBeyondNoise([100, 100, 100, 99.4], { ...rule, minRelative: 0 })?.direction).toBe('down')
  })

  it('is not named when the latest run is back within the noise, or with too few earlier runs', () => {
    expect(shiftBeyondNoise([2, 2.1, 2, 9.8, 2.05], rule)).toBeUndefined()
    expect(shiftBeyondNoise([2, 2.1, 9.8], rule)).toBeUndefined()
  })

  it('skips runs without the figure', () => {
    expect(shiftBeyondNoise([2.1, undefined, 2.3, 2.2, undefined, 9.8], rule)).toMatchObject({
      since: 5,
      to: 9.8,
    })
  })
})
