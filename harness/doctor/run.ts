import type { DoctorContext } from './context.ts'
import type { CheckResult, CheckStatus, DoctorCheck } from './define-check.ts'

export const MARK: Record<CheckStatus, string> = { pass: '✅', fail: '❌', skip: '⏭' }

/** Runs the checks one after another (later ones reuse what earlier ones fetched). */
export async function runChecks(ctx: DoctorContext, checks: readonly DoctorCheck[]): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const check of checks) results.push(await check.run(ctx))
  return results
}

/** One line per check: mark, title, what was seen, and the fix to try when it failed. */
export function formatResult(r: CheckResult): string {
  const line = `${MARK[r.status]} ${r.title} [${r.checklistId}]: ${r.detail}`
  return r.status === 'fail' && r.fix ? `${line} → fix: ${r.fix}` : line
}

export const exitCodeOf = (results: readonly CheckResult[]): number =>
  results.some((r) => r.status === 'fail') ? 1 : 0
