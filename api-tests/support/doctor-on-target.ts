import { expect, type TestContext } from 'vitest'
import type { DoctorContext, DoctorOptions } from '../../harness/doctor/context.ts'
import type { CheckResult } from '../../harness/doctor/define-check.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { doctorFor } from './doctor.ts'

type Skipper = Pick<TestContext, 'skip' | 'annotate'>

export const DOCTOR_SELF_TEST = 'a self-test of the doctor: it needs a broken reference stack, not the target'

/** The doctor at the suite's API; against a target its fixes speak of what that API does, not our variables. */
export const suiteDoctor = (suite: SuiteTarget, overrides: Partial<DoctorOptions> = {}): DoctorContext =>
  doctorFor(suite, { reference: suite.mode === 'local', ...overrides })

/** A test that breaks something on purpose to see the doctor say so runs on the reference stack only. */
export async function referenceOnly(suite: SuiteTarget, ctx: Skipper): Promise<void> {
  if (suite.mode === 'target') await skipWithReason(ctx, DOCTOR_SELF_TEST)
}

/**
 * Every check must pass; against a target, checks that say "skip" (the target gives the doctor nothing
 * to judge by, e.g. a static /health) skip the test with their reasons, once no other check failed.
 */
export async function expectPassUnlessNotOffered(
  suite: SuiteTarget,
  ctx: Skipper,
  ...results: CheckResult[]
): Promise<void> {
  for (const r of results) if (r.status === 'fail') expect(r, r.detail).toMatchObject({ status: 'pass' })
  const notOffered = results.filter((r) => r.status === 'skip')
  if (suite.mode === 'target' && notOffered.length)
    await skipWithReason(ctx, notOffered.map((r) => `${r.title}: ${r.detail}`).join('; '))
  for (const r of results) expect(r, r.detail).toMatchObject({ status: 'pass' })
}
