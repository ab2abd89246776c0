/** Mapping values to chart positions, and the ticks of an axis. */
export type Scale = (v: number) => number

export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0 || 1
  return (v) => r0 + ((v - d0) / span) * (r1 - r0)
}

/** Powers of ten from one at or below `min` to one at or above `max` (both > 0). */
export function decades(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min))
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)))
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i))
}

export function logScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const l0 = Math.log10(d0)
  const span = Math.log10(d1) - l0 || 1
  return (v) => r0 + ((Math.log10(Math.min(Math.max(v, d0), d1)) - l0) / span) * (r1 - r0)
}

/** Round tick steps (1, 2 or 5 × 10ⁿ) giving about `count` ticks over [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  const raw = (hi - lo) / Math.max(1, count) || 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const ticks: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)))
  return ticks
}

/** A number with as many decimals as its size needs (0.42, 1.8, 12, 130). */
export function shortNumber(n: number): string {
  const a = Math.abs(n)
  if (a >= 100) return n.toFixed(0)
  if (a >= 10) return n.toFixed(1).replace(/\.0$/, '')
  if (a >= 1) return n.toFixed(1)
  return n.toFixed(2)
}
