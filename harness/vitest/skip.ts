import * as allure from 'allure-js-commons'
import type { TestContext } from 'vitest'

/** The Allure parameter that carries a skip's reason (the reporter's listener copies it into the status). */
export const SKIP_REASON = 'skipped because'

/**
 * Skips the running test with a reason that every report shows: vitest's skip note (console), a junit
 * `<property name="skip">`, and the Allure result's status message.
 */
export async function skipWithReason(
  ctx: Pick<TestContext, 'skip' | 'annotate'>,
  reason: string,
): Promise<never> {
  await ctx.annotate(reason, 'skip')
  await allure.parameter(SKIP_REASON, reason)
  ctx.skip(reason)
  throw new Error('unreachable: skip() throws')
}
