import { randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'

/**
 * HS256 JWTs of three kinds. `typ` keeps them apart: a refresh token is refused where an access token
 * is wanted, and a stream token only opens the stream of one video.
 */
export type TokenKind = 'access' | 'refresh' | 'stream'
export interface TokenClaims {
  userId: number
  kind: TokenKind
  videoId?: number
}

export const STREAM_TOKEN_TTL_S = 60

export interface TokenService {
  sign(claims: TokenClaims, ttlSeconds: number): Promise<string>
  verify(token: string, kind: TokenKind): Promise<TokenClaims | null>
}

/** How many verified tokens a service remembers (the oldest go first). */
export const VERIFIED_TOKENS_MAX = 10_000

export function createTokenService(secret: string, now: () => number = Date.now): TokenService {
  const key = new TextEncoder().encode(secret)
  /**
   * Tokens whose signature checked out, by their exact text, with their claims and expiry. A token's
   * text fixes its signature and claims, so checking the same text again (every request of a session)
   * only repeats the HMAC and jose's key import, a large share of a GET's time on the API's thread;
   * expiry is still checked on every use, as jose does (`exp` ≤ now is expired).
   */
  const verified = new Map<
    string,
    { userId: number; typ: unknown; videoId: number | undefined; exp: number }
  >()
  const claimsFor = (
    v: { userId: number; typ: unknown; videoId: number | undefined },
    kind: TokenKind,
  ): TokenClaims | null =>
    v.typ !== kind || !Number.isInteger(v.userId) || v.userId <= 0
      ? null
      : { userId: v.userId, kind, ...(v.videoId ? { videoId: v.videoId } : {}) }
  return {
    async sign({ userId, kind, videoId }, ttlSeconds) {
      return new SignJWT({ typ: kind, ...(videoId ? { vid: videoId } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(userId))
        .setIssuedAt(Math.floor(now() / 1000))
        .setJti(randomUUID())
        .setExpirationTime(Math.floor(now() / 1000) + ttlSeconds)
        .sign(key)
    },
    async verify(token, kind) {
      const known = verified.get(token)
      if (known) {
        if (known.exp > Math.floor(now() / 1000)) return claimsFor(known, kind)
        verified.delete(token)
        return null
      }
      try {
        // Only HS256: `alg: none` and any other algorithm fail here.
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          currentDate: new Date(now()),
        })
        const entry = {
          userId: Number(payload.sub),
          typ: payload.typ,
          videoId: typeof payload.vid === 'number' ? payload.vid : undefined,
          exp: payload.exp ?? Number.POSITIVE_INFINITY,
        }
        if (verified.size >= VERIFIED_TOKENS_MAX) verified.delete(verified.keys().next().value!)
        verified.set(token, entry)
        return claimsFor(entry, kind)
      } catch (err) {
        if (err instanceof errors.JOSEError || err instanceof TypeError) return null
        throw err
      }
    },
  }
}
