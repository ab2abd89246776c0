import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { preparedUserToken } from '../../harness/target/target-auth.ts'
import { fetchAuthorizationCode } from '../../system/mock-google/src/login-hint.ts'
import { TokenResponse } from '../../system/shared/schemas/auth.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { recordSecret } from './secrets.ts'
import { type SignedInUser, uniqueEmail, whoHolds } from './sign-in.ts'

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
  if (suite.auth.kind !== 'mock-google') {
    // Prepared users (target mode): no code and no refresh token to record; the token is recorded.
    const accessToken = await preparedUserToken(suite.auth)
    recordSecret(secretsDir, 'access_token', accessToken)
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
  recordSecret(secretsDir, 'oauth_code', code.value)
  const exchanged = await request(suite.apiUrl)
    .post('/api/v1/auth/google')
    .send({ code: code.value, redirect_uri: suite.redirectUri })
  if (exchanged.status !== 200)
    throw new Error(`POST /auth/google answered ${exchanged.status}: ${exchanged.text}`)
  const tokens = TokenResponse.parse(exchanged.body)
  recordSecret(secretsDir, 'access_token', tokens.access_token)
  recordSecret(secretsDir, 'refresh_token', tokens.refresh_token)
  return { ...(await whoHolds(suite, tokens.access_token)), refreshToken: tokens.refresh_token }
}
