import { waitFor } from '../../../harness/wait.ts'

/**
 * Polls `check` until it answers true, under a named deadline (harness/wait.ts); any other answer is
 * what it saw, quoted in the deadline error.
 */
export function waitUntil(
  check: () => Promise<true | string>,
  opts: { deadlineMs: number; what: string; intervalMs?: number },
): Promise<void> {
  return waitFor(
    async () => {
      const r = await check()
      return r === true ? { done: true, value: undefined } : { done: false, seen: r }
    },
    { intervalMs: 50, ...opts },
  )
}
