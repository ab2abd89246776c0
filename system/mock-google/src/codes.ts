import { randomBytes } from 'node:crypto'
import { fail, type Outcome, ok } from '../../shared/outcome.ts'
import type { GoogleUser } from './users.ts'

/** Google's authorization codes live about ten minutes. */
export const CODE_TTL_MS = 10 * 60 * 1000

/** What a code stands for: who signed in, for which client, and where the code was sent. */
export type Grant = { user: GoogleUser; clientId: string; redirectUri: string }

export type RedeemFailure = 'unknown' | 'redeemed' | 'expired' | 'client_mismatch' | 'redirect_uri_mismatch'

type Entry = Grant & { expiresAt: number; redeemed: boolean }

/**
 * One-time authorization codes, in memory. A redeemed code is kept until it would have expired so that a
 * replay gets "already redeemed" rather than "unknown"; any redemption attempt uses the code up (RFC 6749
 * §4.1.2: a code is single use), even one that then fails on a mismatched client or redirect_uri.
 */
export class CodeStore {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = CODE_TTL_MS,
  ) {}

  issue(grant: Grant): string {
    this.sweep()
    const code = randomBytes(32).toString('base64url')
    this.entries.set(code, { ...grant, expiresAt: this.now() + this.ttlMs, redeemed: false })
    return code
  }

  redeem(code: string, by: { clientId: string; redirectUri: string }): Outcome<Grant, RedeemFailure> {
    const entry = this.entries.get(code)
    if (!entry) return fail('unknown', 'Malformed auth code.')
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(code)
      return fail('expired', 'Auth code has expired.')
    }
    if (entry.redeemed) return fail('redeemed', 'Auth code has already been redeemed.')
    entry.redeemed = true
    if (entry.clientId !== by.clientId)
      return fail('client_mismatch', 'Auth code was issued to another client.')
    if (entry.redirectUri !== by.redirectUri) {
      return fail('redirect_uri_mismatch', 'redirect_uri does not match the one the code was issued for.')
    }
    return ok({ user: entry.user, clientId: entry.clientId, redirectUri: entry.redirectUri })
  }

  /** Drops expired entries; called on issue so the map stays bounded by ten minutes of sign-ins. */
  private sweep(): void {
    const now = this.now()
    for (const [code, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(code)
  }
}
