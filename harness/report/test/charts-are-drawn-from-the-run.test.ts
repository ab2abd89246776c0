import { describe, expect, it } from 'vitest'
import { WORDS } from '../i18n.ts'
import type { TrendRun } from '../run-history.ts'
import { flowSvg, measureSpans } from '../svg/flow.ts'
import { latencySvg } from '../svg/latency.ts'
import { decades, logScale, niceTicks } from '../svg/scale.ts'
import { shiftText, trendShifts, trendSvg } from '../svg/trend.ts'

const flow = {
  created_ms: 75,
  credits_shown_ms: 97,
  processing_ms: 384,
  completed_ms: 10_539,
  shown_ms: 10_591,
  playing_ms: 11_020,
}
const en = WORDS.en

describe('the guide walk on a time axis', () => {
  it('measures each span between its points and judges it against the guide’s figure', () => {
    const spans = measureSpans(flow, true)
    expect(spans.map((s) => [s.span.key, s.ms, s.mark])).toEqual([
      ['generation', 10_155, 'passed'],
      ['delivery', 52, 'passed'],
      ['total', 11_020, 'passed'],
    ])
    const slow = measureSpans({ ...flow, completed_ms: 14_000, shown_ms: 19_800, playing_ms: 21_000 }, true)
    expect(slow.map((s) => s.mark)).toEqual(['failed', 'failed', 'failed'])
    // TIMING=fast: measured, not judged (the guide's figures are for its 10 s mock).
    expect(measureSpans(flow, false).map((s) => s.mark)).toEqual([undefined, undefined, undefined])
  })

  it('draws every point at its time, says which were not recorded, and the 20 s limit', () => {
    const svg = flowSvg({ ...flow, completed_ms: undefined }, en.flow, true)
    for (const label of [
      'Generate clicked',
      '201 Created',
      'processing shown',
      'video playing',
      '10.6 s',
      '11.0 s',
    ])
      expect(svg).toContain(label)
    expect(svg.match(/not recorded/g)).toHaveLength(3) // the point, and the two spans that need it
    expect(svg).toContain('20 s: the guide’s limit')
    // The axis reaches past a run slower than the limit.
    expect(flowSvg({ ...flow, playing_ms: 23_400 }, en.flow, true)).toContain('>25 s<')
  })
})

describe('latency bars', () => {
  it('sit on a log scale whose decades span the figures and the 100 ms line', () => {
    expect(decades(0.5, 150)).toEqual([0.1, 1, 10, 100, 1000])
    const x = logScale([0.1, 1000], [0, 400])
    expect([x(0.1), x(1), x(100), x(1000)]).toEqual([0, 100, 300, 400])
    expect(niceTicks(0, 20, 8)).toEqual([0, 5, 10, 15, 20])
  })

  it('draw p50, p95 and p99 of each endpoint with its values and the guide’s limit', () => {
    const svg = latencySvg(
      [{ label: 'GET /videos/{id}', p50_ms: 0.5, p95_ms: 1.81, p99_ms: 3.7, mark: 'passed' }],
      en.latency,
    )
    for (const text of [
      'GET /videos/{id}',
      'p50 0.50 ms',
      'p95 1.8 ms',
      'p99 3.7 ms',
      '100 ms: the guide’s limit',
    ])
      expect(svg).toContain(text)
  })
})

describe('the trend', () => {
  const run = (commit: string, p95: number, passRate = 100): TrendRun => ({
    commit,
    at: 0,
    passRate,
    generation_s: 10.1,
    click_to_playing_s: 10.6,
    api_get_p95_ms: p95,
    api_generate_p95_ms: 6.4,
  })
  const runs = [
    run('1a2b3c4', 2.1),
    run('2b3c4d5', 2.3),
    run('3c4d5e6', 2.2),
    run('4a54359', 9.6),
    run('5e6f7a8', 9.8),
  ]

  it('names a change beyond the noise with the commit it started at', () => {
    const shifts = trendShifts(runs)
    expect(shifts.map((s) => shiftText(s, en.trend))).toEqual(['p95 GET 2.2 → 9.8 ms since 4a54359'])
    expect(shifts[0]!.worse).toBe(true)
    expect(
      trendShifts([...runs.slice(0, 3), run('x', 2.2, 99.4)]).map((s) => shiftText(s, en.trend)),
    ).toEqual(['pass rate 100 % → 99.4 % since x'])
  })

  it('draws one chart per figure, marking where the change started', () => {
    const svg = trendSvg(runs, trendShifts(runs), en.trend)
    for (const title of ['Tests passed, %', 'Generation, s', 'Click → playing, s', 'API p95, ms (GET, POST)'])
      expect(svg).toContain(title)
    expect(svg).toContain('>4a54359<')
    expect(svg).toContain('p95 GET 9.8 ms')
  })
})
