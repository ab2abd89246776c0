import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { SuiteTarget } from '../../api-tests/setup/suite-target.ts'
import { stallMsFor, waitUntilSettled } from '../../api-tests/support/ledger.ts'
import { suiteName } from '../../api-tests/support/sign-in.ts'
import { type HookName, hookVariable } from '../../harness/target/target-env.ts'
import { touchedUsers } from '../../harness/target/user-pool.ts'

const run = promisify(execFile)

/**
 * The fault commands a user hands the suites for a deployment they control (TARGET_HOOK_*): each is a
 * shell command line (it may set variables first), run with bash and a deadline. A hook that fails or
 * overruns fails the test: the fault it stands for did not happen, so nothing after it would mean much.
 */
export const missingHooks = (suite: SuiteTarget, names: HookName[]) => names.filter((n) => !suite.hooks[n])

export const needsHooksReason = (names: HookName[]) =>
  `needs fault hooks ${names.map(hookVariable).join(' and ')}`

/**
 * Waits until no video of the suite's users is still on its way, so that a fault a hook sets off hits
 * only the scenario's own video (stopping a Redis without persistence drops every queued job, which
 * would show up as other tests' videos stuck). Videos already stuck stay the ledger check's finding.
 */
export async function untilQuiet(suite: SuiteTarget): Promise<void> {
  const users = touchedUsers(suite.userPoolDir, suiteName(suite)).filter((u) => !u.excluded)
  await waitUntilSettled(users, stallMsFor(suite.soraDurationS))
}

/** A hook scenario may first wait for quiet (a stall, at most), then for its own video to recover. */
export const HOOK_SCENARIO_TIMEOUT_MS = 10 * 60_000

export async function runHook(suite: SuiteTarget, name: HookName, deadlineMs = 120_000): Promise<string> {
  const command = suite.hooks[name]
  if (!command) throw new Error(`no ${hookVariable(name)} given`)
  try {
    return (await run('bash', ['-c', command], { timeout: deadlineMs })).stdout
  } catch (err) {
    const e = err as { stderr?: string; message: string }
    throw new Error(`${hookVariable(name)} (${command}) failed: ${e.stderr?.trim() || e.message}`)
  }
}
