import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { type AllurePoint, readRunHistory, recordRun, runRecord, trendRuns } from '../run-history.ts'
import { fakeResult } from './fake-result.ts'

const checklist: Checklist = {
  areas: { FE: 'Frontend' },
  items: [{ id: 'FE-01', area: 'FE', title: 'Login' }],
}
const t = fakeResult('e2e')
const results = [
  { ...t('signs in @FE-01', 'passed'), stop: 5_000 },
  { ...t('shows credits @FE-01', 'failed'), stop: 6_000 },
  { ...t('a skipped one', 'skipped'), stop: 4_000 },
]
const perf = {
  generation_s: 10.1,
  click_to_playing_s: 10.8,
  api_get_video: { p50_ms: 1, p95_ms: 2.2, p99_ms: 4 },
}
const ctx = {
  commit: 'abc1234',
  timing: 'strict',
  target: undefined,
  version: undefined,
  recordedAt: new Date('2026-12-06T10:00:00Z'),
  lastAllure: undefined,
}

describe('the run history', () => {
  it('records a run’s counts and figures once, however often the report is made', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'acceptance-history.jsonl')
    const run = runRecord(results, evaluateCoverage(checklist, results), perf, ctx)
    expect(run).toMatchObject({
      results_at: 6_000,
      commit: 'abc1234',
      tests: { passed: 1, failed: 1, skipped: 1 },
      items: { failed: 1 },
      figures: { generation_s: 10.1, click_to_playing_s: 10.8, api_get_p95_ms: 2.2 },
    })
    recordRun(file, run)
    recordRun(file, run)
    expect(readRunHistory(file)).toHaveLength(1)
  })

  it('links Allure’s history entry of the same results (written after they ended), not an older one', () => {
    const allure = (timestamp: number): AllurePoint => ({ uuid: 'u', timestamp, testResults: {} })
    expect(runRecord(results, [], {}, { ...ctx, lastAllure: allure(7_000) }).allure_uuid).toBe('u')
    expect(runRecord(results, [], {}, { ...ctx, lastAllure: allure(3_000) }).allure_uuid).toBeUndefined()
  })

  it('reads lines leniently: a broken line or one of another shape is skipped, optional figures may be absent', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'history-')), 'acceptance-history.jsonl')
    const old = { ...runRecord(results, [], {}, ctx), figures: {} }
    writeFileSync(file, `${JSON.stringify(old)}\nnot json\n{"other":1}\n`)
    expect(readRunHistory(file)).toEqual([old])
  })
})

describe('the trend’s runs', () => {
  const record = (commit: string, hour: number, p95: number, timing = 'strict', target?: string) => ({
    ...runRecord(
      results,
      [],
      { api_get_video: { p50_ms: 1, p95_ms: p95, p99_ms: 9 } },
      {
        ...ctx,
        commit,
        timing,
        target,
        recordedAt: new Date(Date.UTC(2026, 11, 6, hour)),
      },
    ),
    ...(commit === 'c3' ? { allure_uuid: 'linked' } : {}),
  })
  const history = [
    record('c1', 1, 2.1),
    record('c2', 2, 2.3),
    record('fast', 3, 0.9, 'fast'),
    record('tgt', 4, 40, 'strict', 'http://api'),
    record('c3', 5, 2.2),
  ]
  const allurePoint = (uuid: string, hour: number, failed: number): AllurePoint => ({
    uuid,
    timestamp: Date.UTC(2026, 11, 6, hour),
    testResults: {
      a: { status: 'passed' },
      b: { status: failed ? 'failed' : 'passed' },
      c: { status: 'skipped' },
    },
  })

  it('are the runs of the same kind (timing and target), oldest first, the last N', () => {
    const runs = trendRuns(history, [], { timing: 'strict', target: undefined }, 10)
    expect(runs.map((r) => r.commit)).toEqual(['c1', 'c2', 'c3'])
    expect(runs.map((r) => r.api_get_p95_ms)).toEqual([2.1, 2.3, 2.2])
    expect(runs[0]!.passRate).toBe(50)
    expect(trendRuns(history, [], { timing: 'strict', target: undefined }, 2).map((r) => r.commit)).toEqual([
      'c2',
      'c3',
    ])
    expect(
      trendRuns(history, [], { timing: 'strict', target: 'http://api' }, 10).map((r) => r.commit),
    ).toEqual(['tgt'])
  })

  it('begin with the runs only Allure’s history knows (pass rate, no commit), never counting one twice', () => {
    const allure = [allurePoint('older', 0, 1), allurePoint('linked', 5, 0), allurePoint('later', 6, 0)]
    const runs = trendRuns(history, allure, { timing: 'strict', target: undefined }, 10)
    expect(runs.map((r) => r.commit ?? `allure:${r.passRate}`)).toEqual(['allure:50', 'c1', 'c2', 'c3'])
  })
})
