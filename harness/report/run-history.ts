import { appendFileSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import type { ItemVerdict } from './coverage.ts'
import type { Perf } from './perf.ts'
import type { TestResult } from './results.ts'

/**
 * reports/acceptance-history.jsonl: one line per acceptance run with what the PM report's trend shows
 * (pass rate, generation time, click → playing, API p95), the commit, the timing and the target. The
 * acceptance run appends it (`npm run report -- --record-run`); the report reads the last runs of the
 * same kind (timing and target). Lines are read leniently: a field a later version adds is optional.
 * Runs before this file existed are read from Allure's own history (pass rate only).
 */
export const RunRecord = z.object({
  /** The latest stop time of the run's test results: one result set, one record. */
  results_at: z.number(),
  recorded_at: z.string(),
  commit: z.string(),
  timing: z.string(),
  /** The deployment's API URL in target mode; absent for the local stack. */
  target: z.string().optional(),
  /** What the target says it is (OpenAPI info.version, /health), when it says. */
  version: z.string().optional(),
  tests: z.object({ passed: z.number(), failed: z.number(), skipped: z.number() }),
  items: z.object({ passed: z.number(), failed: z.number(), not_run: z.number(), uncovered: z.number() }),
  figures: z
    .object({
      generation_s: z.number(),
      click_to_playing_s: z.number(),
      api_get_p95_ms: z.number(),
      api_generate_p95_ms: z.number(),
    })
    .partial(),
  /** Allure's history entry of the same results, so that it is not counted twice. */
  allure_uuid: z.string().optional(),
})
export type RunRecord = z.infer<typeof RunRecord>

export interface RunContext {
  commit: string
  timing: string
  target: string | undefined
  version: string | undefined
  recordedAt: Date
  /** Allure's latest history entry: the same results' when it was written after they ended. */
  lastAllure: AllurePoint | undefined
}

export function runRecord(
  results: readonly TestResult[],
  verdicts: readonly ItemVerdict[],
  perf: Perf,
  ctx: RunContext,
): RunRecord {
  const tests = (s: TestResult['status']) => results.filter((r) => r.status === s).length
  const items = (v: ItemVerdict['verdict']) => verdicts.filter((x) => x.verdict === v).length
  const resultsAt = Math.max(0, ...results.map((r) => r.stop ?? 0))
  const allure = ctx.lastAllure && ctx.lastAllure.timestamp >= resultsAt ? ctx.lastAllure.uuid : undefined
  return {
    results_at: resultsAt,
    recorded_at: ctx.recordedAt.toISOString(),
    commit: ctx.commit,
    timing: ctx.timing,
    ...(ctx.target ? { target: ctx.target } : {}),
    ...(ctx.version ? { version: ctx.version } : {}),
    tests: { passed: tests('passed'), failed: tests('failed'), skipped: tests('skipped') },
    items: {
      passed: items('passed'),
      failed: items('failed'),
      not_run: items('not_run'),
      uncovered: items('uncovered'),
    },
    figures: {
      generation_s: perf.generation_s,
      click_to_playing_s: perf.click_to_playing_s,
      api_get_p95_ms: perf.api_get_video?.p95_ms,
      api_generate_p95_ms: perf.api_generate?.p95_ms,
    },
    ...(allure ? { allure_uuid: allure } : {}),
  }
}

function readLines(path: string): unknown[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  return text.split('\n').flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line)] : []
    } catch {
      return []
    }
  })
}

export function readRunHistory(path: string): RunRecord[] {
  return readLines(path).flatMap((l) => {
    const r = RunRecord.safeParse(l)
    return r.success ? [r.data] : []
  })
}

/** Appends the run unless its results are recorded already (the report may be made twice). */
export function recordRun(path: string, run: RunRecord): void {
  if (readRunHistory(path).some((r) => r.results_at === run.results_at)) return
  appendFileSync(path, `${JSON.stringify(run)}\n`)
}

/** The part of Allure's history entry (allure-history.jsonl) the trend reads. */
const AllurePoint = z.object({
  uuid: z.string(),
  timestamp: z.number(),
  testResults: z.record(z.string(), z.object({ status: z.string() })),
})
export type AllurePoint = z.infer<typeof AllurePoint>

export function readAllureHistory(path: string): AllurePoint[] {
  return readLines(path).flatMap((l) => {
    const r = AllurePoint.safeParse(l)
    return r.success ? [r.data] : []
  })
}

/** One run on the trend: its commit (when known) and the figures it has. */
export interface TrendRun {
  commit: string | undefined
  at: number
  passRate: number | undefined
  generation_s: number | undefined
  click_to_playing_s: number | undefined
  api_get_p95_ms: number | undefined
  api_generate_p95_ms: number | undefined
}

const rate = (passed: number, failed: number) =>
  passed + failed === 0 ? undefined : (100 * passed) / (passed + failed)

/**
 * The last `count` runs like `current` (same timing and target), oldest first: recorded runs, and
 * before the first of them the runs Allure's history alone knows (pass rate only, commit unknown).
 */
export function trendRuns(
  history: readonly RunRecord[],
  allure: readonly AllurePoint[],
  current: { timing: string; target: string | undefined },
  count: number,
): TrendRun[] {
  const alike = history.filter((r) => r.timing === current.timing && r.target === current.target)
  const linked = new Set(history.map((r) => r.allure_uuid))
  const firstRecorded = Math.min(...history.map((r) => Date.parse(r.recorded_at)))
  const older: TrendRun[] = allure
    .filter((a) => !linked.has(a.uuid) && a.timestamp < firstRecorded)
    .map((a) => {
      const statuses = Object.values(a.testResults).map((t) => t.status)
      const passed = statuses.filter((s) => s === 'passed').length
      const failed = statuses.filter((s) => s === 'failed' || s === 'broken').length
      return {
        commit: undefined,
        at: a.timestamp,
        passRate: rate(passed, failed),
        generation_s: undefined,
        click_to_playing_s: undefined,
        api_get_p95_ms: undefined,
        api_generate_p95_ms: undefined,
      }
    })
  const recorded: TrendRun[] = alike.map((r) => ({
    commit: r.commit,
    at: Date.parse(r.recorded_at),
    passRate: rate(r.tests.passed, r.tests.failed),
    generation_s: r.figures.generation_s,
    click_to_playing_s: r.figures.click_to_playing_s,
    api_get_p95_ms: r.figures.api_get_p95_ms,
    api_generate_p95_ms: r.figures.api_generate_p95_ms,
  }))
  return [...older, ...recorded].sort((a, b) => a.at - b.at).slice(-count)
}
