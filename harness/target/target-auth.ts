import { createTokenService } from '../../system/api/src/services/tokens.ts'
import type { TargetAuth } from './target-env.ts'

/** An access token lasts this long when the suite mints it (longer than any test). */
const MINTED_TTL_S = 3600

export interface PreparedUser {
  accessToken: string
  /** '' when the strategy has none (minted tokens; given tokens without TARGET_REFRESH_TOKENS). */
  refreshToken: string
}

/**
 * The tokens of prepared user number `pick`, for the strategies that do not sign a new account in
 * (`tokens`: the given tokens; `jwt`: a token minted with the shared HS256 secret, in the reference
 * API's claims: `sub` = user id, `typ` = "access"). Which number a test gets is the user pool's choice
 * (user-pool.ts), so that no two tests share a user.
 */
export async function preparedUser(
  auth: Exclude<TargetAuth, { kind: 'mock-google' }>,
  pick: number,
): Promise<PreparedUser> {
  if (auth.kind === 'tokens')
    return { accessToken: auth.accessTokens[pick]!, refreshToken: auth.refreshTokens[pick] ?? '' }
  const userId = auth.userIds[pick]!
  return {
    accessToken: await createTokenService(auth.secret).sign({ userId, kind: 'access' }, MINTED_TTL_S),
    refreshToken: '',
  }
}

/** How many prepared users the strategy has. */
export const preparedUserCount = (auth: Exclude<TargetAuth, { kind: 'mock-google' }>) =>
  auth.kind === 'tokens' ? auth.accessTokens.length : auth.userIds.length
