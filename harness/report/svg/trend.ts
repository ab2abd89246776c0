import { esc } from '../escape.ts'
import { DEFAULT_NOISE, type NoiseRule, type Shift, shiftBeyondNoise } from '../noise.ts'
import type { TrendRun } from '../run-history.ts'
import { linearScale, shortNumber } from './scale.ts'
import { MARK_COLOR } from './verdict-mark.ts'

/**
 * The last runs, one small chart per figure (pass rate, generation time, click → playing, API p95),
 * and the changes beyond the noise (harness/report/noise.ts) named with the commit they started at.
 */
export type SeriesKey =
  | 'passRate'
  | 'generation_s'
  | 'click_to_playing_s'
  | 'api_get_p95_ms'
  | 'api_generate_p95_ms'

export interface Series {
  key: SeriesKey
  unit: '%' | 's' | 'ms'
  /** Which way is worse: a pass rate falls, a time grows. */
  worse: 'up' | 'down'
  rule: NoiseRule
}

export const TREND_SERIES: readonly Series[] = [
  // Every failure counts: runs that all passed have no spread, and one failing test is a change.
  { key: 'passRate', unit: '%', worse: 'down', rule: { ...DEFAULT_NOISE, minRelative: 0 } },
  { key: 'generation_s', unit: 's', worse: 'up', rule: DEFAULT_NOISE },
  { key: 'click_to_playing_s', unit: 's', worse: 'up', rule: DEFAULT_NOISE },
  { key: 'api_get_p95_ms', unit: 'ms', worse: 'up', rule: DEFAULT_NOISE },
  { key: 'api_generate_p95_ms', unit: 'ms', worse: 'up', rule: DEFAULT_NOISE },
]

export interface NamedShift {
  series: Series
  shift: Shift
  /** The commit of the first run of the change, when the run recorded one. */
  commit: string | undefined
  worse: boolean
}

export function trendShifts(runs: readonly TrendRun[]): NamedShift[] {
  return TREND_SERIES.flatMap((series) => {
    const shift = shiftBeyondNoise(
      runs.map((r) => r[series.key]),
      series.rule,
    )
    return shift
      ? [{ series, shift, commit: runs[shift.since]?.commit, worse: shift.direction === series.worse }]
      : []
  })
}

export interface TrendWords {
  series: Record<SeriesKey, string>
  since: (commit: string) => string
  unknownCommit: string
  noFigures: string
  panels: { passRate: string; generation: string; clickToPlaying: string; p95: string }
  guide: (figure: string) => string
  units: { s: string; ms: string }
}

const value = (n: number, unit: Series['unit'], words: TrendWords) =>
  unit === '%' ? `${n.toFixed(n === 100 ? 0 : 1)} %` : `${shortNumber(n)} ${words.units[unit]}`

/** "p95 GET 2.2 → 9.8 ms since 4a54359". */
export function shiftText(s: NamedShift, words: TrendWords): string {
  const { from, to } = s.shift
  const unit = s.series.unit
  const numbers =
    unit === '%'
      ? `${value(from, unit, words)} → ${value(to, unit, words)}`
      : `${shortNumber(from)} → ${value(to, unit, words)}`
  return `${words.series[s.series.key]} ${numbers} ${words.since(s.commit ?? words.unknownCommit)}`
}

interface Panel {
  title: string
  keys: SeriesKey[]
  unit: Series['unit']
  guide?: number
}

const PANEL_W = 228
const GAP = 16
const H = 168
const PX0 = 40
const PX1 = PANEL_W - 12
const PY0 = 34
const PY1 = 112
const LINE = ['#2563eb', '#0f766e'] as const

function panelSvg(
  p: Panel,
  runs: readonly TrendRun[],
  shifts: readonly NamedShift[],
  words: TrendWords,
): string {
  const values = p.keys.flatMap((k) => runs.map((r) => r[k]).filter((v): v is number => v !== undefined))
  const out = [`<text x="0" y="14" class="label">${esc(p.title)}</text>`]
  if (values.length === 0) {
    out.push(`<text x="0" y="${(PY0 + PY1) / 2}" class="missing">${esc(words.noFigures)}</text>`)
    return out.join('')
  }
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  const pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.05, 0.05)
  lo = p.unit === '%' ? Math.max(0, lo - pad) : Math.max(0, lo - pad)
  hi = p.unit === '%' ? Math.min(100, hi + pad) : hi + pad
  if (hi <= lo) hi = lo + 1
  const y = linearScale([lo, hi], [PY1, PY0])
  const x = (i: number) =>
    runs.length === 1 ? (PX0 + PX1) / 2 : linearScale([0, runs.length - 1], [PX0, PX1])(i)
  out.push(
    `<rect x="${PX0}" y="${PY0}" width="${PX1 - PX0}" height="${PY1 - PY0}" fill="#f9fafb" stroke="#e5e7eb"/>`,
    `<text x="${PX0 - 4}" y="${PY0 + 4}" text-anchor="end" class="tick">${esc(shortNumber(hi))}</text>`,
    `<text x="${PX0 - 4}" y="${PY1 + 4}" text-anchor="end" class="tick">${esc(shortNumber(lo))}</text>`,
  )
  if (p.guide !== undefined && p.guide > lo && p.guide < hi)
    out.push(
      `<line x1="${PX0}" x2="${PX1}" y1="${y(p.guide)}" y2="${y(p.guide)}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<line x1="${PX0}" x2="${PX0 + 14}" y1="${PY1 + 29}" y2="${PY1 + 29}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<text x="${PX0 + 18}" y="${PY1 + 33}" class="tick">${esc(words.guide(value(p.guide, p.unit, words)))}</text>`,
    )
  p.keys.forEach((key, li) => {
    const shift = shifts.find((s) => s.series.key === key)
    const color = LINE[li] ?? LINE[0]
    let d = ''
    let pen = 'M'
    runs.forEach((r, i) => {
      const v = r[key]
      if (v === undefined) {
        pen = 'M'
        return
      }
      d += `${pen}${x(i).toFixed(1)} ${y(v).toFixed(1)}`
      pen = 'L'
    })
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"/>`)
    runs.forEach((r, i) => {
      const v = r[key]
      if (v === undefined) return
      const changed = shift && i >= shift.shift.since
      const fill = changed ? (shift.worse ? MARK_COLOR.failed : MARK_COLOR.passed) : color
      out.push(
        `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${changed ? 3.6 : 2.6}" fill="${fill}"/>`,
      )
    })
    // The latest value: above the plot for one line, in a legend under it for several.
    const last = runs.at(-1)?.[key]
    const latest = last === undefined ? '—' : value(last, p.unit, words)
    if (p.keys.length === 1)
      out.push(`<text x="${PX1}" y="${PY0 - 6}" text-anchor="end" class="value small">${esc(latest)}</text>`)
    else
      out.push(
        `<circle cx="${li * 112 + 4}" cy="${PY1 + 29}" r="3.5" fill="${color}"/>`,
        `<text x="${li * 112 + 11}" y="${PY1 + 33}" class="value small">${esc(`${words.series[key]} ${latest}`)}</text>`,
      )
    if (shift)
      out.push(
        `<line x1="${x(shift.shift.since)}" x2="${x(shift.shift.since)}" y1="${PY0}" y2="${PY1}" stroke="${MARK_COLOR.differs}" stroke-dasharray="3 2"/>`,
        `<text x="${x(shift.shift.since) - 3}" y="${PY0 + 11 + li * 11}" text-anchor="end" class="small" fill="${MARK_COLOR.differs}">${esc(shift.commit ?? words.unknownCommit)}</text>`,
      )
  })
  const first = runs[0]?.commit ?? words.unknownCommit
  const lastCommit = runs.at(-1)?.commit ?? words.unknownCommit
  out.push(`<text x="${PX0}" y="${PY1 + 16}" class="tick">${esc(first)}</text>`)
  if (runs.length > 1)
    out.push(`<text x="${PX1}" y="${PY1 + 16}" text-anchor="end" class="tick">${esc(lastCommit)}</text>`)
  return out.join('')
}

export function trendSvg(
  runs: readonly TrendRun[],
  shifts: readonly NamedShift[],
  words: TrendWords,
): string {
  const panels: Panel[] = [
    { title: words.panels.passRate, keys: ['passRate'], unit: '%' },
    { title: words.panels.generation, keys: ['generation_s'], unit: 's', guide: 10 },
    { title: words.panels.clickToPlaying, keys: ['click_to_playing_s'], unit: 's', guide: 20 },
    { title: words.panels.p95, keys: ['api_get_p95_ms', 'api_generate_p95_ms'], unit: 'ms', guide: 100 },
  ]
  const body = panels
    .map(
      (p, i) => `<g transform="translate(${i * (PANEL_W + GAP)} 0)">${panelSvg(p, runs, shifts, words)}</g>`,
    )
    .join('')
  return `<svg class="chart" viewBox="0 0 ${4 * PANEL_W + 3 * GAP} ${H}" width="100%" role="img" aria-label="${esc(words.panels.passRate)}">${body}</svg>`
}
