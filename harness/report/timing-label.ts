import * as allure from 'allure-js-commons'

/**
 * How long a test's mock Sora jobs take, as its Allure `timing` label says: 'strict' is the guide's
 * duration, kept by the tests that assert the guide's timings (generation ≈ 10 s, click → playing
 * < 20 s, the poll interval); 'short' jobs run for a test whose concern is what a video becomes, not
 * when; 'fast' is a TIMING=fast run (thresholds reported, not asserted); 'target' a deployment's Sora.
 */
export type JobTiming = { kind: 'strict' | 'fast' | 'short'; seconds: number } | { kind: 'target' }

export function timingText(t: JobTiming): string {
  switch (t.kind) {
    case 'strict':
      return `strict: ${t.seconds} s mock Sora jobs (the guide's)`
    case 'fast':
      return `fast: ${t.seconds} s mock Sora jobs (TIMING=fast: thresholds reported only)`
    case 'short':
      return `short: ${t.seconds} s mock Sora jobs`
    case 'target':
      return "the deployment's own Sora"
  }
}

export async function labelTiming(t: JobTiming): Promise<void> {
  await allure.label('timing', timingText(t))
}
