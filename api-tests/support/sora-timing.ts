import { randomUUID } from 'node:crypto'
import { must } from '../../harness/must.ts'
import { labelTiming } from '../../harness/report/timing-label.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import type { LocalStack } from './local-stack.ts'
import { GUIDE_PROMPT } from './videos.ts'

/**
 * What a test needs of its mock Sora jobs: 'strict', the run's own (the guide's 10 s), for a test that
 * asserts the guide's timings; 'short' for any other, whose concern is what a video becomes, not when.
 */
export type SoraJobs = 'strict' | 'short'

/** How long a 'short' job takes. */
export const SHORT_JOB_S = 1

/**
 * The prompt of a test's videos, with the `timing` label that tells Allure how long its Sora jobs take.
 * In a strict run on our own stack, a 'short' test's prompt carries a tag of its own and mock-sora runs
 * the jobs whose prompt contains it for SHORT_JOB_S (a fault armed with `prompt_contains`): the suite's
 * files run side by side on one mock-sora, so a duration for every job would reach the strict tests'
 * jobs too. Anywhere else (a 'strict' test, TIMING=fast, a deployment) it is the guide's prompt, and the
 * jobs take the run's duration.
 */
export async function promptFor(
  suite: SuiteTarget,
  stack: LocalStack | undefined,
  jobs: SoraJobs,
): Promise<string> {
  if (stack && suite.timing === 'strict' && jobs === 'short') {
    const tag = `[job ${randomUUID().slice(0, 8)}]`
    const fault = { mode: 'slow', count: -1, duration_s: SHORT_JOB_S, prompt_contains: tag } as const
    must(await stack.mockSora.setFault(fault), 'mock-sora: short jobs for this test')
    await labelTiming({ kind: 'short', seconds: SHORT_JOB_S })
    return `${GUIDE_PROMPT} ${tag}`
  }
  await labelTiming(
    suite.mode === 'target' ? { kind: 'target' } : { kind: suite.timing, seconds: suite.soraDurationS },
  )
  return GUIDE_PROMPT
}
