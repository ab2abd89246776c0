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
}

/**
 * Signs a new user in the way the guide does: Google (mock-google, login_hint) → POST /auth/google. In
 * target mode with prepared users (TARGET_ACCESS_TOKENS, or TARGET_JWT_SECRET + TARGET_USER_IDS) it
 * takes the next prepared user's token instead, and `email` is that user's.
 */
export async function signIn(suite: SuiteTarget, email = uniqueEmail()): Promise<SignedInUser> {
  if (suite.auth.kind !== 'mock-google') return whoHolds(suite, await preparedUserToken(suite.auth))
  if (!suite.googleUrl) throw new Error('no mock-google URL (TARGET_GOOGLE_URL) to sign in with')
  const code = await fetchAuthorizationCode(suite.googleUrl, {
    clientId: suite.googleClientId,
    redirectUri: suite.redirectUri,
    state: randomUUID(),
    loginHint: email,
  })
  if (!code.ok) throw new Error(`sign-in at mock-google failed (${code.kind}): ${code.detail}`)
  const exchanged = await request(suite.apiUrl)
    .post('/api/v1/auth/google')
    .send({ code: code.value, redirect_uri: suite.redirectUri })
  if (exchanged.status !== 200)
    throw new Error(`POST /auth/google answered ${exchanged.status}: ${exchanged.text}`)
  return whoHolds(suite, TokenResponse.parse(exchanged.body).access_token)
}

/** The user an access token belongs to (GET /auth/me), as a SignedInUser. */
export async function whoHolds(suite: SuiteTarget, accessToken: string): Promise<SignedInUser> {
  const auth = { authorization: `Bearer ${accessToken}` }
  const me = await request(suite.apiUrl).get('/api/v1/auth/me').set(auth)
  if (me.status !== 200) throw new Error(`GET /auth/me answered ${me.status}: ${me.text}`)
  const user = UserResponse.parse(me.body)
  return { id: user.id, email: user.email, accessToken, auth }
}

/** Whether the suite can give a test a signed-in user (mock-google reachable, or prepared users). */
export const canSignIn = (suite: SuiteTarget) => suite.auth.kind !== 'mock-google' || Boolean(suite.googleUrl)

export const uniqueEmail = (tag = 'api') => `${tag}-${randomUUID().slice(0, 12)}@example.test`
