import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { fetchAuthorizationCode } from '../../system/mock-google/src/login-hint.ts'
import { TokenResponse, UserResponse } from '../../system/shared/schemas/auth.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { recordSecret } from './secrets.ts'
import { type SignedInUser, uniqueEmail } from './sign-in.ts'

export interface RecordedUser extends SignedInUser {
  refreshToken: string
}

/**
 * Signs a new user in as signIn() does (mock-google's code flow, then POST /auth/google), and records
 * the code and both tokens, so that the log scan can prove none of them was ever logged.
 */
export async function signInRecorded(
  suite: SuiteTarget,
  secretsDir: string,
  email = uniqueEmail('rel'),
): Promise<RecordedUser> {
  if (!suite.googleUrl) throw new Error('no mock-google URL (TARGET_GOOGLE_URL) to sign in with')
  const code = await fetchAuthorizationCode(suite.googleUrl, {
    clientId: suite.googleClientId,
    redirectUri: suite.redirectUri,
    state: randomUUID(),
    loginHint: email,
  })
  if (!code.ok) throw new Error(`sign-in at mock-google failed (${code.kind}): ${code.detail}`)
  recordSecret(secretsDir, 'oauth_code', code.value)
  const exchanged = await request(suite.apiUrl)
    .post('/api/v1/auth/google')
    .send({ code: code.value, redirect_uri: suite.redirectUri })
  if (exchanged.status !== 200)
    throw new Error(`POST /auth/google answered ${exchanged.status}: ${exchanged.text}`)
  const tokens = TokenResponse.parse(exchanged.body)
  recordSecret(secretsDir, 'access_token', tokens.access_token)
  recordSecret(secretsDir, 'refresh_token', tokens.refresh_token)
  const auth = { authorization: `Bearer ${tokens.access_token}` }
  const me = await request(suite.apiUrl).get('/api/v1/auth/me').set(auth)
  if (me.status !== 200) throw new Error(`GET /auth/me answered ${me.status}: ${me.text}`)
  const user = UserResponse.parse(me.body)
  return {
    id: user.id,
    email: user.email,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    auth,
  }
}
