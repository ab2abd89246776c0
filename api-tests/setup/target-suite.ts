import { join } from 'node:path'
import { reportsDir } from '../../harness/reports-dir.ts'
import { probeCapabilities } from '../../harness/target/capabilities.ts'
import { preflightSignIn, SignInPreflightFailed } from '../../harness/target/preflight.ts'
import type { Target } from '../../harness/target/target-env.ts'
import type { SuiteTarget } from './suite-target.ts'

/**
 * The SuiteTarget of a deployment (target mode), shared by the API and reliability suites' global
 * setups: the validated TARGET_* settings (harness/target/target-env.ts), the suite's own timing, the
 * target's capabilities (probed once), after one sign-in preflight: if no user can be signed in, the
 * run stops here with one screen instead of one failure per test.
 */
export async function targetSuite(
  target: Target,
  suite: Pick<SuiteTarget, 'timing' | 'soraDurationS' | 'perfDir' | 'feature'>,
  runId: string,
): Promise<SuiteTarget> {
  const googleClientId = process.env.TARGET_GOOGLE_CLIENT_ID ?? 'aivideo-local'
  const redirectUri = process.env.TARGET_REDIRECT_URI ?? 'http://localhost:8080/auth/callback'
  try {
    await preflightSignIn(target, redirectUri, googleClientId)
  } catch (err) {
    if (!(err instanceof SignInPreflightFailed)) throw err
    process.stderr.write(`\n${err.message}\n\n`)
    process.exit(2)
  }
  return {
    ...suite,
    mode: 'target',
    apiUrl: target.apiUrl,
    googleUrl: target.googleUrl,
    googleClientId,
    redirectUri,
    webOrigin: new URL(target.webUrl ?? 'http://localhost:8080').origin,
    webUrl: target.webUrl,
    redisUrl: process.env.TARGET_REDIS_URL || undefined,
    expectMock: process.env.TARGET_EXPECT_MOCK !== 'false',
    auth: target.auth,
    capabilities: await probeCapabilities(target.apiUrl),
    userPoolDir: userPoolDir(runId),
    jwtSecret: target.jwtSecret,
    hooks: target.hooks,
    local: undefined,
  }
}

/** One pool of users per acceptance run (TARGET_USER_POOL_DIR, set by harness/acceptance.ts), else per suite run. */
export const userPoolDir = (runId: string) =>
  process.env.TARGET_USER_POOL_DIR || join(reportsDir(), '.users', runId)
