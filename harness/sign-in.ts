import { randomUUID } from 'node:crypto'
import { fetchAuthorizationCode } from '../system/mock-google/src/login-hint.ts'
import { DEFAULT_GOOGLE_CLIENT_ID, DEFAULT_REDIRECT_URI } from '../system/shared/config.ts'
import { fail, type Outcome, ok } from '../system/shared/outcome.ts'
import { http } from './http.ts'
import { GuideTokens } from './target/guide-schemas.ts'

export interface LoginHintSignIn {
  apiUrl: string
  /** A mock-google: it signs `email` in at once, as Google does an account already signed in. */
  googleUrl: string
  email: string
  clientId?: string
  redirectUri?: string
  /** Budget of the code exchange at the API. */
  timeoutMs?: number
  /** Sees the authorization code before it is exchanged (e.g. to look for it in logs later). */
  onCode?: (code: string) => void
}

export interface SignedIn {
  email: string
  accessToken: string
  /** '' when the API gave none. */
  refreshToken: string
  /** `{ authorization: 'Bearer …' }` */
  auth: { authorization: string }
}

/** Which step failed: getting a code from mock-google, or exchanging it at the API. */
export type SignInFailure = 'google' | 'exchange'

/**
 * Signs `email` in as the guide's scripts do: mock-google (`login_hint` + `prompt=none`) answers with a
 * code at once, and POST /api/v1/auth/google exchanges it for tokens (read as the guide names them, so
 * any deployment's answer will do).
 */
export async function signInByLoginHint(o: LoginHintSignIn): Promise<Outcome<SignedIn, SignInFailure>> {
  const redirectUri = o.redirectUri ?? DEFAULT_REDIRECT_URI
  const code = await fetchAuthorizationCode(o.googleUrl, {
    clientId: o.clientId ?? DEFAULT_GOOGLE_CLIENT_ID,
    redirectUri,
    state: randomUUID(),
    loginHint: o.email,
  })
  if (!code.ok)
    return fail('google', `mock-google at ${o.googleUrl} gave no code: ${code.kind}: ${code.detail}`)
  o.onCode?.(code.value)
  const url = `${o.apiUrl.replace(/\/+$/, '')}/api/v1/auth/google`
  const res = await http(url, {
    method: 'POST',
    body: { code: code.value, redirect_uri: redirectUri },
    timeoutMs: o.timeoutMs ?? 30_000,
  })
  if (!res.ok) return fail('exchange', `POST ${url}: ${res.detail}`)
  const tokens = GuideTokens.safeParse(res.value.body)
  if (res.value.status !== 200 || !tokens.success) {
    const body = typeof res.value.body === 'string' ? res.value.body : JSON.stringify(res.value.body ?? '')
    return fail('exchange', `POST /api/v1/auth/google answered ${res.value.status}: ${body.slice(0, 300)}`)
  }
  const accessToken = tokens.data.access_token
  return ok({
    email: o.email,
    accessToken,
    refreshToken: tokens.data.refresh_token ?? '',
    auth: { authorization: `Bearer ${accessToken}` },
  })
}
