import { randomBytes } from 'node:crypto'
import type { GoogleUser } from './users.ts'

/** Google's access tokens: one hour less a second, as its token endpoint reports. */
export const ACCESS_TOKEN_TTL_S = 3599

/** Opaque bearer tokens for the userinfo endpoint, in memory. */
export class AccessTokenStore {
  private readonly entries = new Map<string, { user: GoogleUser; expiresAt: number }>()

  constructor(private readonly now: () => number) {}

  issue(user: GoogleUser): { token: string; expiresIn: number } {
    this.sweep()
    const token = randomBytes(32).toString('base64url')
    this.entries.set(token, { user, expiresAt: this.now() + ACCESS_TOKEN_TTL_S * 1000 })
    return { token, expiresIn: ACCESS_TOKEN_TTL_S }
  }

  /** The token's user, or undefined when it is unknown or expired. */
  lookup(token: string): GoogleUser | undefined {
    const entry = this.entries.get(token)
    if (!entry || entry.expiresAt <= this.now()) return undefined
    return entry.user
  }

  private sweep(): void {
    const now = this.now()
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token)
  }
}
