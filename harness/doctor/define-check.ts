import type { DoctorContext } from './context.ts'

/** What one diagnosis found: ✅ pass, ❌ fail (with the fix to try), ⏭ skip (and why). */
export type CheckStatus = 'pass' | 'fail' | 'skip'

export interface CheckResult {
  /** Stable id of the check, e.g. `redis-pong`. */
  id: string
  title: string
  /** The checklist item it proves (DIAG-01..DIAG-04). */
  checklistId: string
  status: CheckStatus
  /** What was seen: the evidence for a pass, the symptom for a fail, the reason for a skip. */
  detail: string
  /** What to try when it failed (the guide's troubleshooting advice). */
  fix?: string
}

/** One diagnosis of the guide's troubleshooting section; run() answers a result, never throws. */
export interface DoctorCheck {
  id: string
  title: string
  checklistId: string
  run(ctx: DoctorContext): Promise<CheckResult>
}

type Verdict = Pick<CheckResult, 'status' | 'detail' | 'fix'>

export const pass = (detail: string): Verdict => ({ status: 'pass', detail })
export const skip = (detail: string): Verdict => ({ status: 'skip', detail })
export const fail = (detail: string, fix: string): Verdict => ({ status: 'fail', detail, fix })

/** Builds a check from its verdict function; a throw (a bug in the check) becomes a ❌ naming it. */
export function defineCheck(
  meta: Pick<DoctorCheck, 'id' | 'title' | 'checklistId'>,
  diagnose: (ctx: DoctorContext) => Promise<Verdict>,
): DoctorCheck {
  return {
    ...meta,
    async run(ctx) {
      try {
        return { ...meta, ...(await diagnose(ctx)) }
      } catch (err) {
        return {
          ...meta,
          status: 'fail',
          detail: `the check itself failed: ${err instanceof Error ? err.message : String(err)}`,
          fix: 'this is a bug in the doctor: report it with the output above',
        }
      }
    },
  }
}

/** The fix to try: in our variables on the reference system, else in what the deployment's API does. */
export const fixFor = (ctx: DoctorContext, reference: string, deployment: string): string =>
  ctx.options.reference ? reference : deployment
