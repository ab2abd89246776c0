import { randomUUID } from 'node:crypto'
import request from 'supertest'
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

/** Signs a new user in the way the guide does: Google (mock-google, login_hint) → POST /auth/google. */
export async function signIn(suite: SuiteTarget, email = uniqueEmail()): Promise<SignedInUser> {
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
  const tokens = TokenResponse.parse(exchanged.body)
  const auth = { authorization: `Bearer ${tokens.access_token}` }
  const me = await request(suite.apiUrl).get('/api/v1/auth/me').set(auth)
  if (me.status !== 200) throw new Error(`GET /auth/me answered ${me.status}: ${me.text}`)
  const user = UserResponse.parse(me.body)
  return { id: user.id, email: user.email, accessToken: tokens.access_token, auth }
}

export const uniqueEmail = (tag = 'api') => `${tag}-${randomUUID().slice(0, 12)}@example.test`
