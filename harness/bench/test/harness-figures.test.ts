import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { type AcceptanceRun, recordAcceptanceRun } from '../../report/acceptance-runs.ts'
import { acceptanceFigures } from '../harness-figures.ts'
import { judge } from '../table.ts'

const run = (wall_s: number): AcceptanceRun => ({
  wall_s,
  finished_at: '2026-12-06T01:00:00.000Z',
  commit: 'abc1234',
  passed: true,
  suites: [
    { suite: 'e2e', code: 0, seconds: wall_s / 2 },
    { suite: 'api', code: 0, seconds: wall_s / 2 },
  ],
})

const figuresOf = (runs: Record<string, AcceptanceRun>) => {
  const path = join(mkdtempSync(join(tmpdir(), 'bench-acceptance-')), 'acceptance-runs.json')
  for (const [timing, r] of Object.entries(runs)) recordAcceptanceRun(path, timing, r)
  return acceptanceFigures(path).map(judge)
}

describe('acceptance wall time', () => {
  test('holds the strict run to 200 s and reports the fast one', () => {
    const [strict, fast] = figuresOf({ strict: run(201), fast: run(90) })
    expect(strict).toMatchObject({ target: { op: '<=', value: 200 }, runs: [201], verdict: 'failed' })
    expect(fast).toMatchObject({ target: null, runs: [90], verdict: 'reported' })
    expect(figuresOf({ strict: run(200) })[0]!.verdict).toBe('passed')
  })

  test('names the suites of the same run beside its wall time, and says when there is none', () => {
    const [strict, fast] = figuresOf({ strict: run(180) })
    expect(strict!.note).toContain('commit abc1234, passed; e2e 90 s, api 90 s')
    expect(fast).toMatchObject({ runs: [], verdict: 'not_measured' })
    expect(fast!.note).toContain('no npm run acceptance in fast timing recorded yet')
  })
})
