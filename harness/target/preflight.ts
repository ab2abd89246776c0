import { randomUUID } from 'node:crypto'
import type { Outcome } from '../../system/shared/outcome.ts'
import { http } from '../http.ts'
import { signInByLoginHint } from '../sign-in.ts'
import { GuideUser } from './guide-schemas.ts'
import { preparedUser, preparedUserCount } from './target-auth.ts'
import type { Target } from './target-env.ts'

/**
 * One sign-in before any test, in target mode: if the strategy cannot give a user, every test would
 * fail on its own with the same cause, so the run stops with one screen instead (the strategy, the
 * request, what came back, what to check).
 */
export class SignInPreflightFailed extends Error {
  override name = 'SignInPreflightFailed'
}

interface Attempt {
  strategy: string
  request: string
  cameBack: string
  check: string
}

/** What came back, for the screen: short, and with anything like a JWT masked (never print a token). */
const shown = (text: string) => text.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, 'eyJ…(a token)').slice(0, 300)

/** One call of the preflight: its status (0 when nothing answered), its body, and how to show it. */
async function call(
  url: string,
  opts: Parameters<typeof http>[1] = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await http(url, { ...opts, timeoutMs: 15_000 })
  if (!res.ok) return { status: 0, body: undefined, text: `no answer: ${res.detail}` }
  const { status, body } = res.value
  return { status, body, text: typeof body === 'string' ? body : JSON.stringify(body ?? '') }
}

async function me(
  target: Target,
  accessToken: string,
  strategy: string,
  check: string,
): Promise<Outcome<number, 'refused'> & { attempt: Attempt }> {
  const url = `${target.apiUrl}/api/v1/auth/me`
  const res = await call(url, { headers: { authorization: `Bearer ${accessToken}` } })
  const attempt = {
    strategy,
    request: `GET ${url}`,
    cameBack: `${res.status || 'no HTTP answer'} ${shown(res.text)}`,
    check,
  }
  const user = GuideUser.safeParse(res.body).data
  return res.status === 200 && user
    ? { ok: true, value: user.id, attempt }
    : { ok: false, kind: 'refused', detail: attempt.cameBack, attempt }
}

async function tryOnce(target: Target, redirectUri: string, clientId: string): Promise<Attempt | undefined> {
  const { auth } = target
  if (auth.kind !== 'mock-google') {
    const strategy =
      auth.kind === 'tokens'
        ? `given tokens (TARGET_ACCESS_TOKENS: ${preparedUserCount(auth)})`
        : `minted tokens (TARGET_JWT_SECRET, TARGET_USER_IDS: ${preparedUserCount(auth)} users)`
    const check =
      auth.kind === 'tokens'
        ? "that they are access tokens of this deployment's users and have not expired"
        : "that TARGET_JWT_SECRET is the deployment's signing secret, and that the user ids exist there"
    const first = await preparedUser(auth, 0)
    const res = await me(target, first.accessToken, strategy, check)
    return res.ok ? undefined : res.attempt
  }
  const strategy = `mock-google (TARGET_GOOGLE_URL: ${auth.googleUrl ?? 'not set'})`
  if (!auth.googleUrl)
    return {
      strategy,
      request: 'none',
      cameBack: 'no way to sign a test user in',
      check: 'set TARGET_GOOGLE_URL, or give TARGET_ACCESS_TOKENS, or TARGET_JWT_SECRET with TARGET_USER_IDS',
    }
  const signedIn = await signInByLoginHint({
    apiUrl: target.apiUrl,
    googleUrl: auth.googleUrl,
    email: `preflight-${randomUUID().slice(0, 8)}@example.com`,
    clientId,
    redirectUri,
    timeoutMs: 15_000,
  })
  if (!signedIn.ok)
    return signedIn.kind === 'google'
      ? {
          strategy,
          request: `GET ${auth.googleUrl}/o/oauth2/v2/auth?login_hint=…&prompt=none`,
          cameBack: signedIn.detail,
          check: 'that TARGET_GOOGLE_URL is a mock-google the deployment trusts',
        }
      : {
          strategy,
          request: `POST ${target.apiUrl}/api/v1/auth/google`,
          cameBack: shown(signedIn.detail),
          check:
            "that the deployment's Google endpoints point at TARGET_GOOGLE_URL and TARGET_REDIRECT_URI is one it accepts",
        }
  const who = await me(
    target,
    signedIn.value.accessToken,
    strategy,
    'that the token the deployment just issued is accepted',
  )
  return who.ok ? undefined : who.attempt
}

/** Throws SignInPreflightFailed with the whole screen when the strategy cannot sign a user in. */
export async function preflightSignIn(target: Target, redirectUri: string, clientId: string): Promise<void> {
  const failed = await tryOnce(target, redirectUri, clientId)
  if (!failed) return
  throw new SignInPreflightFailed(
    [
      `Sign-in preflight failed against ${target.apiUrl}: the run stops here (no test could get a user).`,
      `  strategy    ${failed.strategy}`,
      `  request     ${failed.request}`,
      `  came back   ${failed.cameBack}`,
      `  check       ${failed.check}`,
    ].join('\n'),
  )
}
