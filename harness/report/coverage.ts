import type { Checklist, ChecklistItem } from './checklist.ts'
import type { TestResult } from './results.ts'

/**
 * Each checklist item's verdict from the tests that name it: passed only when at least one test passed
 * and none failed; `not_run` when every test that names it was skipped (e.g. needs stack control in
 * target mode), which is never counted as passed; `uncovered` when no test names it.
 */
export type Verdict = 'passed' | 'failed' | 'not_run' | 'uncovered'

export interface ItemVerdict {
  item: ChecklistItem
  verdict: Verdict
  tests: TestResult[]
  /** Why it is not green: the failing tests' messages, or the skip reasons. */
  reasons: string[]
}

/**
 * `onlySuites`: the run chose some suites (`npm run acceptance -- --suites api,reliability`); an item
 * none of their tests names is then not run, saying so, instead of an item without a test.
 */
export function evaluateCoverage(
  checklist: Checklist,
  results: TestResult[],
  onlySuites?: string,
): ItemVerdict[] {
  return checklist.items.map((item) => {
    const tests = results.filter((t) => t.ids.includes(item.id))
    const failed = tests.filter((t) => t.status === 'failed')
    const passed = tests.filter((t) => t.status === 'passed')
    const verdict: Verdict =
      tests.length === 0
        ? onlySuites
          ? 'not_run'
          : 'uncovered'
        : failed.length > 0
          ? 'failed'
          : passed.length > 0
            ? 'passed'
            : 'not_run'
    const reasons =
      verdict === 'failed'
        ? failed.map((t) => `${t.name}: ${firstLine(t.message) ?? 'failed'}`)
        : verdict === 'not_run' && tests.length === 0
          ? [`its tests are in a suite this run left out (--suites ${onlySuites})`]
          : verdict === 'not_run'
            ? tests.map((t) => `${t.name}: ${firstLine(t.message) ?? 'skipped'}`)
            : verdict === 'uncovered'
              ? ['no test names this item']
              : []
    return { item, verdict, tests, reasons }
  })
}

/** IDs named by tests but absent from the checklist: a typo in a title would otherwise go unnoticed. */
export function unknownIds(checklist: Checklist, results: TestResult[]): string[] {
  const known = new Set(checklist.items.map((i) => i.id))
  return [...new Set(results.flatMap((t) => t.ids))].filter((id) => !known.has(id)).sort()
}

export function firstLine(s: string | null): string | null {
  return s ? (s.split('\n').find((l) => l.trim()) ?? null) : null
}
