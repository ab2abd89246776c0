import { describe, expect, test } from 'vitest'
import { type BenchFigure, consoleLine, formatNumber, judge, renderMarkdown, summarise } from '../table.ts'

const figure = (over: Partial<BenchFigure>): BenchFigure => ({
  group: 'API',
  name: 'GET p95',
  unit: 'ms',
  target: { op: '<=', value: 10 },
  guide: { op: '<', value: 100 },
  runs: [4, 6, 5],
  ...over,
})

describe('summarise', () => {
  test('gives min, median and max of the runs, whatever their order', () => {
    expect(summarise([6, 4, 5])).toEqual({ min: 4, median: 5, max: 6 })
    expect(summarise([1, 4, 2, 3])).toEqual({ min: 1, median: 2.5, max: 4 })
  })

  test('ignores runs that measured nothing, and answers null when none did', () => {
    expect(summarise([Number.NaN, 3])).toEqual({ min: 3, median: 3, max: 3 })
    expect(summarise([])).toBeNull()
    expect(summarise([Number.NaN])).toBeNull()
  })
})

describe('judge', () => {
  test('passes an upper bound only when the worst (largest) run meets it', () => {
    expect(judge(figure({ runs: [4, 6, 10] })).verdict).toBe('passed')
    expect(judge(figure({ runs: [4, 6, 10.1] })).verdict).toBe('failed')
    expect(judge(figure({ target: { op: '<', value: 10 }, runs: [4, 10] })).verdict).toBe('failed')
  })

  test('fails the worker RSS growth on its worst run, even when the median meets the target', () => {
    // Issue 21's buffering worker: only the fresh process's first run grows (memory is not given back).
    const rss = figure({
      group: 'Large video',
      name: 'worker RSS growth',
      unit: 'MB',
      target: { op: '<', value: 64 },
      guide: null,
      runs: [475, 3.3, 13.8],
    })
    const judged = judge(rss)
    expect(judged.summary).toEqual({ min: 3.3, median: 13.8, max: 475 })
    expect(judged.verdict).toBe('failed')
    expect(judge({ ...rss, runs: [20, 3.3, 13.8] }).verdict).toBe('passed')
  })

  test('passes a lower bound only when the worst (smallest) run meets it', () => {
    const rate = (runs: number[]) => figure({ unit: 'req/s', target: { op: '>=', value: 3000 }, runs })
    expect(judge(rate([3000, 4000, 3500])).verdict).toBe('passed')
    expect(judge(rate([2999, 4000, 3500])).verdict).toBe('failed')
  })

  test('fails a figure one of whose runs measured nothing', () => {
    expect(judge(figure({ runs: [4, Number.NaN, 5] })).verdict).toBe('failed')
  })

  test('reports a figure without a target, and marks one without runs as not measured', () => {
    expect(judge(figure({ target: null })).verdict).toBe('reported')
    expect(judge(figure({ runs: [] })).verdict).toBe('not_measured')
  })

  test('gives the ratio of the median to the guide’s figure, none without a guide figure', () => {
    expect(judge(figure({ runs: [4, 5, 6] })).ratio).toBeCloseTo(0.05)
    expect(judge(figure({ guide: null })).ratio).toBeNull()
    expect(judge(figure({ runs: [] })).ratio).toBeNull()
  })
})

describe('the table', () => {
  const report = {
    startedAt: '2026-11-28T00:00:00.000Z',
    wallS: 251.4,
    mode: 'full' as const,
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGb: 24,
      node: 'v20.19.0',
      platform: 'linux x64',
      loadAverage: [1.5, 2, 2.25] as [number, number, number],
    },
    figures: [
      judge(figure({})),
      judge(
        figure({
          name: 'GET req/s',
          unit: 'req/s',
          target: { op: '>=', value: 3000 },
          guide: null,
          runs: [2100, 2500, 2300],
        }),
      ),
      judge(
        figure({
          name: 'acceptance | strict',
          unit: 's',
          target: null,
          guide: null,
          runs: [],
          note: 'no run recorded',
        }),
      ),
    ],
  }

  test('has one row per figure with target, min/median/max, runs, guide, ratio and result', () => {
    const md = renderMarkdown(report)
    expect(md).toContain(
      '| API | GET p95 | ≤ 10.0 ms | 4.00 ms | 5.00 ms | 6.00 ms | 3 | < 100 ms | 0.05× | ✅ |',
    )
    expect(md).toContain(
      '| API | GET req/s | ≥ 3000 req/s | 2100 req/s | 2300 req/s | 2500 req/s | 3 | — | — | ❌ |',
    )
    expect(md).toContain('| API | acceptance \\| strict | — | — | — | — | 0 | — | — | ⏭ |')
  })

  test('states the machine, the load at start, the targets met and the notes', () => {
    const md = renderMarkdown(report)
    expect(md).toContain(
      'Machine: 2 × Test CPU · 24.0 GB · Node v20.19.0 · linux x64 · load average at start 1.50 / 2.00 / 2.25',
    )
    expect(md).toContain('1/2 targets met')
    expect(md).toContain('- **API · acceptance | strict**: no run recorded')
  })

  test('says so when the numbers come from quick mode', () => {
    expect(renderMarkdown({ ...report, mode: 'quick' })).toContain('quick mode')
  })

  test('logs a finished figure as one console line', () => {
    expect(consoleLine(report.figures[0]!)).toBe(
      '✅ API · GET p95: 4.00 / 5.00 / 6.00 ms (min/median/max of 3; target ≤ 10.0 ms)',
    )
  })

  test('formats numbers by size', () => {
    expect([
      formatNumber(0.123),
      formatNumber(12.345),
      formatNumber(3456.7),
      formatNumber(Number.NaN),
    ]).toEqual(['0.12', '12.3', '3457', '—'])
  })
})
