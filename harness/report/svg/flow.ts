import { esc } from '../escape.ts'
import type { GuideFlow } from '../perf.ts'
import { linearScale, niceTicks } from './scale.ts'
import { type Mark, markAt } from './verdict-mark.ts'

/**
 * One generation of the guide walk on a time axis (inline SVG): the points the suites recorded, from
 * the Generate click to the video playing, then each measured span against the guide's figure for it
 * (generation 10 s, the result shown within one 5 s poll of completion, the whole flow under 20 s).
 */
export const FLOW_POINTS = [
  'click',
  'created',
  'credits',
  'processing',
  'completed',
  'shown',
  'playing',
] as const
export type FlowPoint = (typeof FLOW_POINTS)[number]

const FIELD: Record<Exclude<FlowPoint, 'click'>, keyof GuideFlow> = {
  created: 'created_ms',
  credits: 'credits_shown_ms',
  processing: 'processing_ms',
  completed: 'completed_ms',
  shown: 'shown_ms',
  playing: 'playing_ms',
}

export const pointMs = (flow: GuideFlow, p: FlowPoint): number | undefined =>
  p === 'click' ? 0 : flow[FIELD[p]]

export type SpanKey = 'generation' | 'delivery' | 'total'
export interface FlowSpan {
  key: SpanKey
  from: FlowPoint
  to: FlowPoint
  /** The guide's figure for it, ms. */
  guideMs: number
  /** How a measured span is judged against that figure. */
  ok: (ms: number) => boolean
}

/** The guide's figures: generation 10 s (PERF-02's ± 1.5 s), one 5 s poll at most, < 20 s in all. */
export const FLOW_SPANS: readonly FlowSpan[] = [
  {
    key: 'generation',
    from: 'processing',
    to: 'completed',
    guideMs: 10_000,
    ok: (ms) => Math.abs(ms - 10_000) <= 1_500,
  },
  { key: 'delivery', from: 'completed', to: 'shown', guideMs: 5_000, ok: (ms) => ms <= 5_000 },
  { key: 'total', from: 'click', to: 'playing', guideMs: 20_000, ok: (ms) => ms < 20_000 },
]

export interface MeasuredSpan {
  span: FlowSpan
  start: number | undefined
  ms: number | undefined
  /** passed/failed against the guide; undefined when not measured or not judged (fast timing). */
  mark: Mark | undefined
}

export function measureSpans(flow: GuideFlow, judge: boolean): MeasuredSpan[] {
  return FLOW_SPANS.map((span) => {
    const start = pointMs(flow, span.from)
    const end = pointMs(flow, span.to)
    const ms = start === undefined || end === undefined ? undefined : end - start
    return {
      span,
      start,
      ms,
      mark: ms === undefined || !judge ? undefined : span.ok(ms) ? 'passed' : 'failed',
    }
  })
}

export interface FlowWords {
  points: Record<FlowPoint, string>
  spans: Record<SpanKey, string>
  /** The guide's figure for each span, as the chart labels its dashed box. */
  guideFigures: Record<SpanKey, string>
  limit: string
  notRecorded: string
  seconds: (s: string) => string
}

const W = 960
const LABEL_X = 8
const X0 = 250
const X1 = 900
const ROW = 24
const SPAN_ROW = 38
const s1 = (ms: number) => (ms / 1000).toFixed(ms < 1000 ? 2 : 1)

export function flowSvg(flow: GuideFlow, words: FlowWords, judge: boolean): string {
  const spans = measureSpans(flow, judge)
  const times = FLOW_POINTS.map((p) => pointMs(flow, p)).filter((t): t is number => t !== undefined)
  const endS = Math.max(20, Math.ceil(Math.max(...times, 0) / 1000 / 5) * 5)
  const x = linearScale([0, endS * 1000], [X0, X1])
  const top = 28
  const pointsBottom = top + FLOW_POINTS.length * ROW
  const spansTop = pointsBottom + 34
  const height = spansTop + spans.length * SPAN_ROW + 8
  const out: string[] = []

  for (const s of niceTicks(0, endS, endS / 2.5)) {
    out.push(
      `<line x1="${x(s * 1000)}" x2="${x(s * 1000)}" y1="${top - 6}" y2="${height - 8}" stroke="#e5e7eb"/>`,
      `<text x="${x(s * 1000)}" y="${pointsBottom + 18}" text-anchor="middle" class="tick">${esc(words.seconds(String(s)))}</text>`,
    )
  }
  out.push(
    `<line x1="${x(20_000)}" x2="${x(20_000)}" y1="${top - 14}" y2="${height - 8}" stroke="#dc2626" stroke-dasharray="5 3"/>`,
    `<text x="${x(20_000) - 4}" y="${top - 16}" text-anchor="end" class="limit">${esc(words.limit)}</text>`,
  )

  FLOW_POINTS.forEach((p, i) => {
    const y = top + i * ROW + ROW / 2
    const t = pointMs(flow, p)
    out.push(`<text x="${LABEL_X}" y="${y + 4}" class="label">${esc(words.points[p])}</text>`)
    if (t === undefined) {
      out.push(`<text x="${X0}" y="${y + 4}" class="missing">${esc(words.notRecorded)}</text>`)
      return
    }
    out.push(
      `<line x1="${X0}" x2="${x(t)}" y1="${y}" y2="${y}" stroke="#bfdbfe" stroke-width="2"/>`,
      `<circle cx="${x(t)}" cy="${y}" r="5" fill="#2563eb"/>`,
      `<text x="${x(t) + 9}" y="${y + 4}" class="value">${esc(words.seconds(s1(t)))}</text>`,
    )
  })

  spans.forEach(({ span, start, ms, mark }, i) => {
    const y = spansTop + i * SPAN_ROW
    const label = `${words.spans[span.key]} ${ms === undefined ? '' : words.seconds(s1(ms))}`
    const textX = LABEL_X + (mark ? 20 : 0)
    out.push(
      `<text x="${textX}" y="${y + 14}" class="label">${esc(label)}</text>`,
      `<text x="${textX}" y="${y + 29}" class="guide">${esc(words.guideFigures[span.key])}</text>`,
    )
    if (mark) out.push(markAt(mark, LABEL_X, y + 3))
    if (start === undefined || ms === undefined) {
      out.push(`<text x="${X0}" y="${y + 14}" class="missing">${esc(words.notRecorded)}</text>`)
      return
    }
    const guideEnd = Math.min(start + span.guideMs, endS * 1000)
    out.push(
      `<rect x="${x(start)}" y="${y + 2}" width="${x(guideEnd) - x(start)}" height="${SPAN_ROW - 12}" fill="#f8fafc" stroke="#94a3b8" stroke-dasharray="4 3"/>`,
      `<rect x="${x(start)}" y="${y + 8}" width="${Math.max(2, x(start + ms) - x(start))}" height="${SPAN_ROW - 24}" fill="${mark === 'failed' ? '#dc2626' : '#2563eb'}"/>`,
    )
  })

  return `<svg class="chart" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(words.spans.total)}">${out.join('')}</svg>`
}
