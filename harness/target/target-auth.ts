import { createTokenService } from '../../system/api/src/services/tokens.ts'
import type { TargetAuth } from './target-env.ts'

/** An access token lasts this long when the suite mints it (longer than any test). */
const MINTED_TTL_S = 3600

let next = 0

/**
 * An access token of one of the deployment's prepared users, for the strategies that do not sign a new
 * account in (`tokens`: the given tokens in turn; `jwt`: a token minted with the shared HS256 secret for
 * the user ids in turn, in the reference API's claims: `sub` = user id, `typ` = "access"). Users are
 * shared by the tests, so a test that needs a new user's 100.0 credits needs the mock-google strategy.
 */
export async function preparedUserToken(
  auth: Exclude<TargetAuth, { kind: 'mock-google' }>,
  pick: number = next++,
): Promise<string> {
  if (auth.kind === 'tokens') return auth.accessTokens[pick % auth.accessTokens.length]!
  const userId = auth.userIds[pick % auth.userIds.length]!
  return createTokenService(auth.secret).sign({ userId, kind: 'access' }, MINTED_TTL_S)
}

/** Whether the strategy gives every test a new account (with the guide's 100.0 credits). */
export const signsNewUsersIn = (auth: TargetAuth) => auth.kind === 'mock-google'
