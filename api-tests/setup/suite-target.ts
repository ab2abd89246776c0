import type { StackWiring } from '../../harness/stack/services.ts'
import type { Capabilities } from '../../harness/target/capabilities.ts'
import type { HookName, TargetAuth } from '../../harness/target/target-env.ts'

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
