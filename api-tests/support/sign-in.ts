import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { must } from '../../harness/must.ts'
import { signInByLoginHint } from '../../harness/sign-in.ts'
import { GuideUser } from '../../harness/target/guide-schemas.ts'
import { preparedUser, preparedUserCount } from '../../harness/target/target-auth.ts'
import { claimIndex, noteTouched, type TouchedUser } from '../../harness/target/user-pool.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import { allVideos } from './ledger.ts'

export interface SignedInUser {
  id: number
  email: string
  accessToken: string
  /** `{ authorization: 'Bearer …' }` for `.set()`. */
  auth: { authorization: string }
  /** '' for a prepared user without one (minted tokens, or no TARGET_REFRESH_TOKENS). */
  refreshToken: string
  /** The balance when the test got the user: 100.0 for a new account, whatever a prepared user had left. */
  startCredits: number
}

/** What sign-in handled, for a caller that records it (the reliability suite's log scan). */
export type OnSecret = (kind: 'oauth_code' | 'access_token' | 'refresh_token', value: string) => void

/**
 * Signs a new user in the way the guide does: Google (mock-google, login_hint) → POST /auth/google. In
 * target mode with prepared users (TARGET_ACCESS_TOKENS, or TARGET_JWT_SECRET + TARGET_USER_IDS) it
 * claims the next prepared user no other test of the run has (harness/target/user-pool.ts). Either way
 * the user is noted with its balance, for the ledger check at the end of the suite. `onSecret` sees
 * the code and every token on the way.
 */
export async function signIn(
  suite: SuiteTarget,
  email = uniqueEmail(),
  onSecret: OnSecret = () => {},
): Promise<SignedInUser> {
  let tokens: { accessToken: string; refreshToken: string }
  if (suite.auth.kind !== 'mock-google') {
    tokens = await preparedUser(suite.auth, claimIndex(suite.userPoolDir, preparedUserCount(suite.auth)))
  } else {
    if (!suite.googleUrl) throw new Error('no mock-google URL (TARGET_GOOGLE_URL) to sign in with')
    const signedIn = await signInByLoginHint({
      apiUrl: suite.apiUrl,
      googleUrl: suite.googleUrl,
      email,
      clientId: suite.googleClientId,
      redirectUri: suite.redirectUri,
      onCode: (code) => onSecret('oauth_code', code),
    })
    tokens = must(signedIn, 'sign-in')
  }
  onSecret('access_token', tokens.accessToken)
  if (tokens.refreshToken) onSecret('refresh_token', tokens.refreshToken)
  const user = { ...(await whoHolds(suite, tokens.accessToken)), refreshToken: tokens.refreshToken }
  // A prepared user may come with videos of earlier runs: the ledger check counts only this run's.
  const prior = suite.auth.kind === 'mock-google' ? [] : await allVideos(suite.apiUrl, user.auth)
  noteTouched(suite.userPoolDir, { ...touchedUser(suite, user), priorVideoIds: prior.map((v) => v.id) })
  return user
}

/** The ledger check of a suite looks at the users of that suite. */
export const suiteName = (suite: SuiteTarget) => suite.feature ?? 'API acceptance'

/** A user as the ledger check notes it: on the suite's API, under the suite's name. */
export const touchedUser = (suite: SuiteTarget, user: SignedInUser): TouchedUser => ({
  id: user.id,
  apiUrl: suite.apiUrl,
  accessToken: user.accessToken,
  startCredits: user.startCredits,
  suite: suiteName(suite),
})

/** The user an access token belongs to (GET /auth/me, parsed as the guide names it). */
export async function whoHolds(
  suite: SuiteTarget,
  accessToken: string,
): Promise<Omit<SignedInUser, 'refreshToken'>> {
  const auth = { authorization: `Bearer ${accessToken}` }
  const me = await request(suite.apiUrl).get('/api/v1/auth/me').set(auth)
  if (me.status !== 200) throw new Error(`GET /auth/me answered ${me.status}: ${me.text}`)
  const user = GuideUser.parse(me.body)
  return { id: user.id, email: user.email ?? '', accessToken, auth, startCredits: user.credits }
}

/** Whether the suite can give a test a signed-in user (mock-google reachable, or prepared users). */
export const canSignIn = (suite: SuiteTarget) => suite.auth.kind !== 'mock-google' || Boolean(suite.googleUrl)

/** At example.com, which email validators accept (example.test is refused by common ones). */
export const uniqueEmail = (tag = 'api') => `${tag}-${randomUUID().slice(0, 12)}@example.com`
