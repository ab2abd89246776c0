import type { Outcome } from '../system/shared/outcome.ts'

/** The value of an Outcome a test or script cannot go on without; a failure throws with its detail. */
export function must<T, K extends string>(outcome: Outcome<T, K>, what: string): T {
  if (!outcome.ok) throw new Error(`${what}: ${outcome.kind}: ${outcome.detail}`)
  return outcome.value
}
