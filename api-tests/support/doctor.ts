import {
  createDoctorContext,
  type DoctorContext,
  type DoctorOptions,
  defaultOptions,
} from '../../harness/doctor/context.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { uniqueEmail } from './sign-in.ts'

/** A doctor context aimed at the suite's API, as `npm run doctor` would be (own test user per call). */
export function doctorFor(suite: SuiteTarget, overrides: Partial<DoctorOptions> = {}): DoctorContext {
  return createDoctorContext(
    defaultOptions({
      apiUrl: suite.apiUrl,
      webUrl: suite.webOrigin,
      redisUrl: suite.redisUrl,
      googleUrl: suite.googleUrl,
      expectMock: suite.expectMock,
      email: uniqueEmail('doctor'),
      googleClientId: suite.googleClientId,
      redirectUri: suite.redirectUri,
      ...overrides,
    }),
  )
}
