import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { preparedUserToken } from '../../harness/target/target-auth.ts'
import { fetchAuthorizationCode } from '../../system/mock-google/src/login-hint.ts'
import { TokenResponse, UserResponse } from '../../system/shared/schemas/auth.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'

export interface SignedInUser {
  id: number
  email: string
  accessToken: string
  /** `{ authorization: 'Bearer …' }` for `.set()`. */
  auth: { authorization: string }
  /** '' for a prepared user (target mode), which comes with an access token only. */
  refreshToken: string
}

/** What sign-in handled, for a caller that records it (the reliability suite's log scan). */
export type OnSecret = (kind: 'oauth_code' | 'access_token' | 'refresh_token', value: string) => void

/**
 * Signs a new user in the way the guide does: Google (mock-google, login_hint) → POST /auth/google. In
 * target mode with prepared users (TARGET_ACCESS_TOKENS, or TARGET_JWT_SECRET + TARGET_USER_IDS) it
 * takes the next prepared user's token instead, and `email` is that user's. `onSecret` sees the code
 * and every token on the way.
 */
export async function signIn(
  suite: SuiteTarget,
  email = uniqueEmail(),
  onSecret: OnSecret = () => {},
): Promise<SignedInUser> {
  if (suite.auth.kind !== 'mock-google') {
    const accessToken = await preparedUserToken(suite.auth)
    onSecret('access_token', accessToken)
    return { ...(await whoHolds(suite, accessToken)), refreshToken: '' }
  }
  if (!suite.googleUrl) throw new Error('no mock-google URL (TARGET_GOOGLE_URL) to sign in with')
  const code = await fetchAuthorizationCode(suite.googleUrl, {
    clientId: suite.googleClientId,
    redirectUri: suite.redirectUri,
    state: randomUUID(),
    loginHint: email,
  })
  if (!code.ok) throw new Error(`sign-in at mock-google failed (${code.kind}): ${code.detail}`)
  onSecret('oauth_code', code.value)
  const exchanged = await request(suite.apiUrl)
    .post('/api/v1/auth/google')
    .send({ code: code.value, redirect_uri: suite.redirectUri })
  if (exchanged.status !== 200)
    throw new Error(`POST /auth/google answered ${exchanged.status}: ${exchanged.text}`)
  const tokens = TokenResponse.parse(exchanged.body)
  onSecret('access_token', tokens.access_token)
  onSecret('refresh_token', tokens.refresh_token)
  return { ...(await whoHolds(suite, tokens.access_token)), refreshToken: tokens.refresh_token }
}

/** The user an access token belongs to (GET /auth/me). */
export async function whoHolds(
  suite: SuiteTarget,
  accessToken: string,
): Promise<Omit<SignedInUser, 'refreshToken'>> {
  const auth = { authorization: `Bearer ${accessToken}` }
  const me = await request(suite.apiUrl).get('/api/v1/auth/me').set(auth)
  if (me.status !== 200) throw new Error(`GET /auth/me answered ${me.status}: ${me.text}`)
  const user = UserResponse.parse(me.body)
  return { id: user.id, email: user.email, accessToken, auth }
}

/** Whether the suite can give a test a signed-in user (mock-google reachable, or prepared users). */
export const canSignIn = (suite: SuiteTarget) => suite.auth.kind !== 'mock-google' || Boolean(suite.googleUrl)

export const uniqueEmail = (tag = 'api') => `${tag}-${randomUUID().slice(0, 12)}@example.test`
