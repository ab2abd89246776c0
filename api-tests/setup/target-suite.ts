import type { Target } from '../../harness/target/target-env.ts'
import type { SuiteTarget } from './suite-target.ts'

/**
 * The SuiteTarget of a deployment (target mode), shared by the API and reliability suites' global
 * setups: the validated TARGET_* settings (harness/target/target-env.ts) plus the suite's own timing.
 */
export function targetSuite(
  target: Target,
  suite: Pick<SuiteTarget, 'timing' | 'soraDurationS' | 'perfDir' | 'feature'>,
): SuiteTarget {
  return {
    ...suite,
    mode: 'target',
    apiUrl: target.apiUrl,
    googleUrl: target.googleUrl,
    googleClientId: process.env.TARGET_GOOGLE_CLIENT_ID ?? 'aivideo-local',
    redirectUri: process.env.TARGET_REDIRECT_URI ?? 'http://localhost:8080/auth/callback',
    webOrigin: new URL(target.webUrl ?? 'http://localhost:8080').origin,
    webUrl: target.webUrl,
    redisUrl: process.env.TARGET_REDIS_URL || undefined,
    expectMock: process.env.TARGET_EXPECT_MOCK !== 'false',
    auth: target.auth,
    local: undefined,
  }
}
