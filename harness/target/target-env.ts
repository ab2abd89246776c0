import { z } from 'zod'
import { DEFAULT_GOOGLE_CLIENT_ID, DEFAULT_REDIRECT_URI } from '../../system/shared/config.ts'
import { readStorageState } from '../browser/storage-state.ts'
import { loadUiProfile, UiProfileError } from '../browser/ui-profile.ts'

/**
 * Target mode: the suites run against a deployment we did not build, named by TARGET_* variables
 * (`npm run acceptance -- --target … --web …` sets them). One zod schema validates them at start, so a
 * typo says which variable is wrong before any suite runs. Without TARGET_API_URL there is no target:
 * every suite starts its own local stack.
 *
 * Auth strategies (how a test user gets an access token on the deployment):
 * - `mock-google` (default): the deployment's Google endpoint is configurable and points at a mock-google
 *   (TARGET_GOOGLE_URL); each test signs a fresh account in through it, as the guide does;
 * - `tokens`: TARGET_ACCESS_TOKENS, access tokens of users made beforehand (a JSON array or a comma list);
 * - `jwt`: TARGET_JWT_SECRET (the deployment's HS256 secret) and TARGET_USER_IDS (existing users' ids):
 *   the suite mints a short-lived access token per user.
 * TARGET_AUTH picks one explicitly; otherwise tokens, then jwt, then mock-google, whichever is configured.
 * TARGET_REFRESH_TOKENS (same order as the access tokens) lets the token tests use each user's refresh
 * token; TARGET_JWT_SECRET beside any strategy lets them mint an expired token in the target's claims.
 *
 * The browser suite: TARGET_UI_PROFILE (`--ui-profile`) names a UI profile for a frontend whose markup
 * differs from ours (harness/browser/ui-profile.ts, checked here), TARGET_STORAGE_STATE a Playwright
 * storageState file of a signed-in user.
 *
 * TARGET_MOCK_SORA_URL: when the deployment's Sora is our mock-sora, its URL hands the suites mock-sora's
 * fault control (`/__mock/*`, harness/stack/mock-sora-control.ts), so that the tests which make a Sora
 * job fail run against the target too; without it they are skipped with the reason.
 *
 * Fault hooks (TARGET_HOOK_*): shell commands the user gives to break and mend the deployment they
 * control, e.g. stop and start its Redis. The fault scenarios run against the target only with them.
 */
export class TargetConfigError extends Error {
  override name = 'TargetConfigError'
}

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.example.com' })
  .transform((u) => u.replace(/\/+$/, ''))

const tokenList = z.string().transform((raw, ctx) => {
  const text = raw.trim()
  if (text.startsWith('[')) {
    try {
      const parsed = z.array(z.string().min(1)).safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data
    } catch {}
    ctx.addIssue({ code: 'custom', message: 'a JSON array of strings, or a comma-separated list' })
    return z.NEVER
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
})

const userIds = z.string().transform((raw, ctx) => {
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const bad = ids.filter((s) => !/^[1-9]\d*$/.test(s))
  if (bad.length || ids.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `a comma-separated list of positive user ids (bad: ${bad.join(', ')})`,
    })
    return z.NEVER
  }
  return ids.map(Number)
})

/** The faults a user can hand the suites as commands (TARGET_HOOK_REDIS_STOP, …). */
export const HOOKS = ['redis-stop', 'redis-start', 'worker-kill', 'worker-start'] as const
export type HookName = (typeof HOOKS)[number]
export const hookVariable = (h: HookName) => `TARGET_HOOK_${h.toUpperCase().replace('-', '_')}`

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const TargetEnv = z.object({
  TARGET_API_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  TARGET_WEB_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  TARGET_GOOGLE_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  TARGET_MOCK_SORA_URL: z.preprocess(blankAsUndefined, httpUrl.optional()),
  TARGET_AUTH: z.preprocess(blankAsUndefined, z.enum(['mock-google', 'tokens', 'jwt']).optional()),
  TARGET_ACCESS_TOKENS: z.preprocess(blankAsUndefined, tokenList.optional()),
  TARGET_JWT_SECRET: z.preprocess(blankAsUndefined, z.string().min(16, 'at least 16 characters').optional()),
  TARGET_USER_IDS: z.preprocess(blankAsUndefined, userIds.optional()),
  TARGET_REFRESH_TOKENS: z.preprocess(blankAsUndefined, tokenList.optional()),
  TARGET_SORA_DURATION_S: z.preprocess(blankAsUndefined, z.coerce.number().positive().optional()),
  TARGET_UI_PROFILE: z.preprocess(blankAsUndefined, z.string().optional()),
  TARGET_STORAGE_STATE: z.preprocess(blankAsUndefined, z.string().optional()),
  ...Object.fromEntries(
    HOOKS.map((h) => [hookVariable(h), z.preprocess(blankAsUndefined, z.string().optional())]),
  ),
})

export type TargetAuth =
  | { kind: 'mock-google'; googleUrl: string | undefined }
  | { kind: 'tokens'; accessTokens: string[]; refreshTokens: string[] }
  | { kind: 'jwt'; secret: string; userIds: number[] }

export interface Target {
  apiUrl: string
  webUrl: string | undefined
  googleUrl: string | undefined
  /** The deployment's mock-sora (TARGET_MOCK_SORA_URL), whose fault control it hands over; undefined: none. */
  mockSoraUrl: string | undefined
  auth: TargetAuth
  /** How long one generation takes on the deployment (its Sora or mock), seconds; default the guide's 10. */
  soraDurationS: number
  /** The deployment's HS256 secret, when given (TARGET_JWT_SECRET): lets tests mint tokens in its claims. */
  jwtSecret: string | undefined
  /** The fault commands the user gave; a fault scenario without its hooks is skipped with the reason. */
  hooks: Partial<Record<HookName, string>>
  /** The UI profile file (TARGET_UI_PROFILE), already validated; undefined: our own web's. */
  uiProfile: string | undefined
  /** A Playwright storageState file of a signed-in user (TARGET_STORAGE_STATE), already validated. */
  storageState: string | undefined
}

/** The OAuth client id and redirect URI test users sign in with on a deployment (default: ours). */
export const targetSignInClient = (env: NodeJS.ProcessEnv = process.env) => ({
  googleClientId: env.TARGET_GOOGLE_CLIENT_ID || DEFAULT_GOOGLE_CLIENT_ID,
  redirectUri: env.TARGET_REDIRECT_URI || DEFAULT_REDIRECT_URI,
})

/** The target the environment names, or undefined (local mode). Throws TargetConfigError, naming each bad variable. */
export function loadTarget(env: NodeJS.ProcessEnv = process.env): Target | undefined {
  const parsed = TargetEnv.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new TargetConfigError(`Invalid target configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  const problems: string[] = []
  if (!e.TARGET_API_URL) {
    const stray = (
      [
        'TARGET_WEB_URL',
        'TARGET_GOOGLE_URL',
        'TARGET_MOCK_SORA_URL',
        'TARGET_UI_PROFILE',
        'TARGET_STORAGE_STATE',
      ] as const
    ).filter((k) => e[k])
    if (stray.length)
      throw new TargetConfigError(
        `Invalid target configuration:\n  TARGET_API_URL: required when ${stray.join(' or ')} is set`,
      )
    return undefined
  }
  const kind =
    e.TARGET_AUTH ?? (e.TARGET_ACCESS_TOKENS ? 'tokens' : e.TARGET_JWT_SECRET ? 'jwt' : 'mock-google')
  let auth: TargetAuth
  if (kind === 'tokens') {
    if (!e.TARGET_ACCESS_TOKENS?.length)
      problems.push('TARGET_ACCESS_TOKENS: required with TARGET_AUTH=tokens (a JSON array or a comma list)')
    const refreshTokens = e.TARGET_REFRESH_TOKENS ?? []
    if (refreshTokens.length && refreshTokens.length !== e.TARGET_ACCESS_TOKENS?.length)
      problems.push(
        `TARGET_REFRESH_TOKENS: ${refreshTokens.length} given for ${e.TARGET_ACCESS_TOKENS?.length ?? 0} access tokens (one per user, in the same order)`,
      )
    auth = { kind, accessTokens: e.TARGET_ACCESS_TOKENS ?? [], refreshTokens }
  } else if (kind === 'jwt') {
    if (!e.TARGET_JWT_SECRET) problems.push('TARGET_JWT_SECRET: required with TARGET_AUTH=jwt')
    if (!e.TARGET_USER_IDS) problems.push('TARGET_USER_IDS: required with TARGET_AUTH=jwt (e.g. 12,13,14)')
    auth = { kind, secret: e.TARGET_JWT_SECRET ?? '', userIds: e.TARGET_USER_IDS ?? [] }
  } else {
    auth = { kind, googleUrl: e.TARGET_GOOGLE_URL }
  }
  if (e.TARGET_UI_PROFILE) {
    try {
      const signIn = loadUiProfile(e.TARGET_UI_PROFILE).session.signIn
      if (signIn === 'inject-tokens' && auth.kind === 'mock-google')
        problems.push(
          'TARGET_UI_PROFILE: its sign-in injects tokens, which needs TARGET_ACCESS_TOKENS or TARGET_JWT_SECRET + TARGET_USER_IDS',
        )
      if (signIn === 'storage-state' && !e.TARGET_STORAGE_STATE)
        problems.push('TARGET_UI_PROFILE: its sign-in is storage-state, which needs TARGET_STORAGE_STATE')
    } catch (err) {
      if (!(err instanceof UiProfileError)) throw err
      problems.push(`TARGET_UI_PROFILE: ${err.message.replaceAll('\n', '\n  ')}`)
    }
  }
  if (e.TARGET_STORAGE_STATE) {
    const state = readStorageState(e.TARGET_STORAGE_STATE)
    if (!state.ok) problems.push(`TARGET_STORAGE_STATE: not a Playwright storageState file (${state.detail})`)
  }
  if (problems.length)
    throw new TargetConfigError(`Invalid target configuration:\n  ${problems.join('\n  ')}`)
  return {
    apiUrl: e.TARGET_API_URL,
    webUrl: e.TARGET_WEB_URL,
    googleUrl: e.TARGET_GOOGLE_URL,
    mockSoraUrl: e.TARGET_MOCK_SORA_URL,
    auth,
    soraDurationS: e.TARGET_SORA_DURATION_S ?? 10,
    jwtSecret: e.TARGET_JWT_SECRET,
    uiProfile: e.TARGET_UI_PROFILE,
    storageState: e.TARGET_STORAGE_STATE,
    hooks: Object.fromEntries(
      HOOKS.flatMap((h) => {
        const command = (e as Record<string, unknown>)[hookVariable(h)]
        return typeof command === 'string' ? [[h, command]] : []
      }),
    ),
  }
}

/** Why a test is skipped in target mode: every skip reason starts with this, so reports can group them. */
export const NEEDS_STACK_CONTROL = 'needs stack control'
