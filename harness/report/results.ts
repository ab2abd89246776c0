import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { DIFFERENCE_LABEL } from '../target/conformance.ts'
import { idsInTitle } from './checklist.ts'

/** The part of an Allure result file (`*-result.json`) the reports read. */
const AllureResult = z.object({
  uuid: z.string(),
  historyId: z.string().optional(),
  name: z.string(),
  fullName: z.string().optional(),
  status: z.enum(['passed', 'failed', 'broken', 'skipped', 'unknown']).default('unknown'),
  statusDetails: z.object({ message: z.string().optional() }).partial().optional(),
  labels: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  parameters: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  start: z.number().optional(),
  stop: z.number().optional(),
})

export type TestStatus = 'passed' | 'failed' | 'skipped'
export interface TestResult {
  uuid: string
  name: string
  fullName: string
  status: TestStatus
  message: string | null
  /** Checklist IDs from the title's `@ID` tokens and any `checklist` labels. */
  ids: string[]
  suite: string
  durationMs: number | null
  /** When it ended (epoch ms), when the result says. */
  stop?: number | undefined
  parameters: Record<string, string>
  /** Where the deployment differs from the reference (harness/target/conformance.ts): "where: expected …, got …". */
  differences: string[]
}

/** Reads every result of an Allure results directory; a retried test counts once, by its last run. */
export function readAllureResults(dir: string): TestResult[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('-result.json'))
  } catch {
    return []
  }
  const latest = new Map<string, z.infer<typeof AllureResult> & { key: string }>()
  for (const file of files) {
    const parsed = AllureResult.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')))
    if (!parsed.success) continue
    const r = parsed.data
    const key = r.historyId ?? r.fullName ?? r.name
    const prev = latest.get(key)
    if (!prev || (r.stop ?? 0) > (prev.stop ?? 0)) latest.set(key, { ...r, key })
  }
  return [...latest.values()].map((r) => {
    const label = (name: string) => r.labels.filter((l) => l.name === name).map((l) => l.value)
    return {
      uuid: r.uuid,
      name: r.name,
      fullName: r.fullName ?? r.name,
      status: r.status === 'passed' ? 'passed' : r.status === 'skipped' ? 'skipped' : 'failed',
      message: r.statusDetails?.message ?? null,
      ids: [...new Set([...idsInTitle(r.name), ...label('checklist')])],
      suite: label('parentSuite')[0] ?? label('suite')[0] ?? label('framework')[0] ?? '',
      durationMs: r.start !== undefined && r.stop !== undefined ? r.stop - r.start : null,
      stop: r.stop,
      parameters: Object.fromEntries(r.parameters.map((p) => [p.name, p.value])),
      differences: [...new Set(label(DIFFERENCE_LABEL))],
    }
  })
}
