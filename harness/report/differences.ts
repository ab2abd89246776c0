import type { TestResult } from './results.ts'

/**
 * The differences from the reference API that a run recorded, once each, with the checklist items of
 * the tests that saw them. They are reported apart from the verdicts: a difference never fails a guide
 * item, and fails the gate only with `--strict-conformance`.
 */
export interface DifferenceRow {
  text: string
  ids: string[]
  tests: string[]
}

export function collectDifferences(results: TestResult[]): DifferenceRow[] {
  const rows = new Map<string, DifferenceRow>()
  for (const t of results)
    for (const text of t.differences) {
      const row = rows.get(text) ?? { text, ids: [], tests: [] }
      row.ids = [...new Set([...row.ids, ...t.ids])].sort()
      row.tests.push(t.name)
      rows.set(text, row)
    }
  return [...rows.values()].sort((a, b) => a.text.localeCompare(b.text))
}
