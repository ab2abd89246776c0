import { join } from 'node:path'
import { reportsDir } from '../../harness/reports-dir.ts'
import type { StackWiring } from '../../harness/stack/services.ts'
import { wiringOf } from '../../harness/stack/side-service.ts'
import type { StartedStack } from '../../harness/stack/started-stack.ts'
import { type Capabilities, probeCapabilities } from '../../harness/target/capabilities.ts'
import { preflightSignIn, SignInPreflightFailed } from '../../harness/target/preflight.ts'
import {
  type HookName,
  type Target,
  type TargetAuth,
  targetSignInClient,
} from '../../harness/target/target-env.ts'
import { DEFAULT_REDIRECT_URI } from '../../system/shared/config.ts'

/**
 * What the global setup hands every test file (vitest `provide`/`inject`, so it must be plain data):
 * where the API under test is, how to sign in, the timing, and — only when the suite started the stack
 * itself — the wiring that stack-control tests need (DB, queue, logs, uploads).
 */
export interface SuiteTarget {
  /** 'local': one stack started for this run; 'target': TARGET_API_URL, a deployment we do not control. */
  mode: 'local' | 'target'
  /** 'strict' is the guide's (10 s generation), the default; 'fast' (TIMING=fast) runs a 1 s mock. */
  timing: 'strict' | 'fast'
  /** The mock's generation time the run expects, in seconds. */
  soraDurationS: number
  apiUrl: string
  /** mock-google (TARGET_GOOGLE_URL in target mode): sign-in by login_hint. */
  googleUrl: string | undefined
  googleClientId: string
  redirectUri: string
  /** The frontend's origin, which CORS must allow. */
  webOrigin: string
  webUrl: string | undefined
  /** Known in local mode (or TARGET_REDIS_URL): the doctor pings it directly. */
  redisUrl: string | undefined
  /** Whether the API should run the mock Sora (TARGET_EXPECT_MOCK in target mode; true locally). */
  expectMock: boolean
  /**
   * How a test user gets an access token: locally and by default a new account through mock-google; in
   * target mode also prepared users' tokens (TARGET_ACCESS_TOKENS) or minted ones (TARGET_JWT_SECRET).
   */
  auth: TargetAuth
  /** What the API offers beyond the guide, probed once at the start (harness/target/capabilities.ts). */
  capabilities: Capabilities
  /** Prepared users are claimed here, one per test, and every touched user is noted (user-pool.ts). */
  userPoolDir: string
  /** The deployment's HS256 secret when known (ours locally, TARGET_JWT_SECRET in target mode). */
  jwtSecret: string | undefined
  /** Fault commands for a deployment the user controls (TARGET_HOOK_*); empty locally. */
  hooks: Partial<Record<HookName, string>>
  /** Where tests drop their measured numbers; the global teardown merges them into reports/perf.json. */
  perfDir: string
  local: LocalStackInfo | undefined
  /** The Allure feature the suite's tests are grouped under (default 'API acceptance'). */
  feature?: string
}

export interface LocalStackInfo {
  wiring: StackWiring
  logDir: string
  mockSoraUrl: string
  /** The file mock-sora serves as every video's content. */
  sampleVideo: string
  /** Env the suite gave the stack's API on top of the stack's own (a side API gets the same). */
  apiEnv: Record<string, string>
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiSuite: SuiteTarget
  }
}

/** What a suite's global setup decides itself, whatever it runs against. */
export type SuiteSettings = Pick<SuiteTarget, 'timing' | 'soraDurationS' | 'perfDir' | 'feature'>

/** The SuiteTarget of a stack the suite started itself; `local` is what the suite gave that stack. */
export async function localSuiteTarget(
  stack: StartedStack,
  suite: SuiteSettings,
  runId: string,
  local: Pick<LocalStackInfo, 'sampleVideo' | 'apiEnv'> & { wiring?: StackWiring },
): Promise<SuiteTarget> {
  return {
    ...suite,
    mode: 'local',
    apiUrl: stack.urls.api,
    googleUrl: stack.urls.mockGoogle,
    auth: { kind: 'mock-google', googleUrl: stack.urls.mockGoogle },
    googleClientId: stack.config.googleClientId,
    redirectUri: DEFAULT_REDIRECT_URI,
    webOrigin: stack.config.corsOrigins[0]!,
    webUrl: stack.urls.web,
    redisUrl: stack.redisUrl,
    expectMock: true,
    capabilities: await probeCapabilities(stack.urls.api),
    userPoolDir: userPoolDir(runId),
    jwtSecret: stack.jwtSecret,
    hooks: {},
    local: {
      wiring: local.wiring ?? wiringOf(stack),
      logDir: stack.logDir,
      mockSoraUrl: stack.urls.mockSora,
      sampleVideo: local.sampleVideo,
      apiEnv: local.apiEnv,
    },
  }
}

/**
 * The SuiteTarget of a deployment (target mode): the validated TARGET_* settings
 * (harness/target/target-env.ts), the suite's own timing, the target's capabilities (probed once), after
 * one sign-in preflight: if no user can be signed in, the run stops here with one screen instead of one
 * failure per test.
 */
export async function deploymentSuiteTarget(
  target: Target,
  suite: SuiteSettings,
  runId: string,
): Promise<SuiteTarget> {
  const { googleClientId, redirectUri } = targetSignInClient()
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
const userPoolDir = (runId: string) => process.env.TARGET_USER_POOL_DIR || join(reportsDir(), '.users', runId)
