import { esc } from '../escape.ts'
import { decades, logScale, shortNumber } from './scale.ts'
import { type Mark, markAt } from './verdict-mark.ts'

/**
 * p50 / p95 / p99 of each measured endpoint as bars on a log scale (the figures sit one to three
 * orders of magnitude under the guide's limit), with the guide's 100 ms as a line.
 */
export interface LatencyRow {
  label: string
  p50_ms: number
  p95_ms: number
  p99_ms: number
  /** p95 against the limit; undefined when not judged. */
  mark: Mark | undefined
}

export interface LatencyWords {
  limit: string
  ms: (n: string) => string
}

const W = 960
const X0 = 330
const X1 = 880
const BAR = 9
const GROUP = 3 * (BAR + 3) + 16
const SHADES = ['#93c5fd', '#3b82f6', '#1e3a8a'] as const
const PERCENTILES = ['p50', 'p95', 'p99'] as const

export function latencySvg(rows: readonly LatencyRow[], words: LatencyWords, limitMs = 100): string {
  const values = rows.flatMap((r) => [r.p50_ms, r.p95_ms, r.p99_ms]).filter((v) => v > 0)
  const ticks = decades(Math.min(...values, limitMs), Math.max(...values, limitMs) * 1.5)
  const x = logScale([ticks[0]!, ticks.at(-1)!], [X0, X1])
  const top = 30
  const bottom = top + rows.length * GROUP
  const out: string[] = []

  PERCENTILES.forEach((p, i) => {
    const lx = X0 + i * 70
    out.push(
      `<rect x="${lx}" y="4" width="12" height="10" fill="${SHADES[i]}"/>`,
      `<text x="${lx + 16}" y="13" class="tick">${p}</text>`,
    )
  })
  for (const t of ticks)
    out.push(
      `<line x1="${x(t)}" x2="${x(t)}" y1="${top - 6}" y2="${bottom}" stroke="#e5e7eb"/>`,
      `<text x="${x(t)}" y="${bottom + 16}" text-anchor="middle" class="tick">${esc(words.ms(shortNumber(t)))}</text>`,
    )
  out.push(
    `<line x1="${x(limitMs)}" x2="${x(limitMs)}" y1="${top - 10}" y2="${bottom}" stroke="#dc2626" stroke-dasharray="5 3" stroke-width="1.5"/>`,
    `<text x="${x(limitMs) + 5}" y="${top - 12}" class="limit">${esc(words.limit)}</text>`,
  )

  rows.forEach((r, i) => {
    const y = top + i * GROUP
    out.push(`<text x="${r.mark ? 28 : 8}" y="${y + 18}" class="label">${esc(r.label)}</text>`)
    if (r.mark) out.push(markAt(r.mark, 8, y + 7))
    PERCENTILES.forEach((p, j) => {
      const v = r[`${p}_ms`]
      const by = y + j * (BAR + 3)
      out.push(
        `<rect x="${X0}" y="${by}" width="${Math.max(1, x(v) - X0)}" height="${BAR}" fill="${SHADES[j]}"/>`,
        `<text x="${x(v) + 4}" y="${by + BAR}" class="value small">${esc(`${p} ${words.ms(shortNumber(v))}`)}</text>`,
      )
    })
  })
  return `<svg class="chart" viewBox="0 0 ${W} ${bottom + 24}" width="100%" role="img" aria-label="${esc(words.limit)}">${out.join('')}</svg>`
}
