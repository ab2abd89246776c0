/**
 * When a figure across runs changed beyond the noise. The noise is what the runs before showed: their
 * range (lowest to highest). A change is named when the latest runs all lie outside that range by more
 * than the range's own width (and by more than `minRelative` of the earlier runs' median, so that runs
 * which happened to agree closely do not turn a small wobble into a change), all on the same side.
 * At least `minBefore` earlier runs are needed to know the noise; otherwise nothing is named.
 */
export interface Shift {
  /** Index (in the series) of the first run of the change: the commit it started at. */
  since: number
  /** The median of the runs before it, and the latest value. */
  from: number
  to: number
  direction: 'up' | 'down'
}

export interface NoiseRule {
  minBefore: number
  minRelative: number
}

export const DEFAULT_NOISE: NoiseRule = { minBefore: 3, minRelative: 0.1 }

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** The band outside which a value differs from `before` beyond the noise. */
export function noiseBand(before: readonly number[], rule: NoiseRule): { low: number; high: number } {
  const lo = Math.min(...before)
  const hi = Math.max(...before)
  const margin = Math.max(hi - lo, rule.minRelative * Math.abs(median(before)))
  return { low: lo - margin, high: hi + margin }
}

/**
 * The earliest run from which every later run lies beyond the noise of the runs before it, on one
 * side; undefined when the latest run is within the noise. Runs without the figure are skipped.
 */
export function shiftBeyondNoise(
  series: ReadonlyArray<number | undefined>,
  rule: NoiseRule = DEFAULT_NOISE,
): Shift | undefined {
  const points = series.flatMap((v, i) => (v === undefined ? [] : [{ i, v }]))
  for (let s = rule.minBefore; s < points.length; s++) {
    const before = points.slice(0, s).map((p) => p.v)
    const after = points.slice(s).map((p) => p.v)
    const { low, high } = noiseBand(before, rule)
    const direction = after.every((v) => v > high) ? 'up' : after.every((v) => v < low) ? 'down' : undefined
    if (direction) return { since: points[s]!.i, from: median(before), to: after.at(-1)!, direction }
  }
  return undefined
}
