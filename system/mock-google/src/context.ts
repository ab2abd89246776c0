import type { MockGoogleConfig } from '../../shared/config.ts'
import type { AccessTokenStore } from './access-tokens.ts'
import type { CodeStore } from './codes.ts'
import type { SigningKey } from './keys.ts'
import type { UserDirectory } from './users.ts'

/** What the route modules share: one instance per app, so two apps in one process never mix state. */
export type MockGoogleContext = {
  config: MockGoogleConfig
  users: UserDirectory
  codes: CodeStore
  tokens: AccessTokenStore
  key: SigningKey
  now: () => number
}
