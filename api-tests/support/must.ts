import type { Outcome } from '../../system/shared/outcome.ts'

/** The value of an Outcome a test cannot go on without; a failure fails the test with its detail. */
export function must<T, K extends string>(outcome: Outcome<T, K>, what: string): T {
  if (!outcome.ok) throw new Error(`${what}: ${outcome.kind}: ${outcome.detail}`)
  return outcome.value
}
