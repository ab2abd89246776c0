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

export function createTokenService(secret: string): TokenService {
  const key = new TextEncoder().encode(secret)
  return {
    async sign({ userId, kind, videoId }, ttlSeconds) {
      return new SignJWT({ typ: kind, ...(videoId ? { vid: videoId } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(userId))
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(key)
    },
    async verify(token, kind) {
      try {
        // Only HS256: `alg: none` and any other algorithm fail here.
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] })
        const userId = Number(payload.sub)
        if (payload.typ !== kind || !Number.isInteger(userId) || userId <= 0) return null
        const videoId = typeof payload.vid === 'number' ? payload.vid : undefined
        return { userId, kind, ...(videoId ? { videoId } : {}) }
      } catch (err) {
        if (err instanceof errors.JOSEError || err instanceof TypeError) return null
        throw err
      }
    },
  }
}
