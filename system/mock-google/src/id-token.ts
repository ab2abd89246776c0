import { SignJWT } from 'jose'
import { ACCESS_TOKEN_TTL_S } from './access-tokens.ts'
import { SIGNING_ALG, type SigningKey } from './keys.ts'
import type { GoogleUser } from './users.ts'

/** Google's id_token: RS256, aud = the client, the profile claims beside the standard ones. */
export async function signIdToken(
  key: SigningKey,
  args: { issuer: string; clientId: string; user: GoogleUser; nowS: number },
): Promise<string> {
  const { issuer, clientId, user, nowS } = args
  return new SignJWT({
    azp: clientId,
    email: user.email,
    email_verified: true,
    name: user.name,
    picture: user.picture,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(clientId)
    .setSubject(user.sub)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + ACCESS_TOKEN_TTL_S)
    .sign(key.privateKey)
}
