import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'

export const SIGNING_ALG = 'RS256'

/** The id_token signing key. Made fresh at each start: clients fetch the JWKS, they never pin it. */
export type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK }

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG)
  const jwk = await exportJWK(publicKey)
  // The thumbprint makes a kid that changes exactly when the key does.
  const kid = await calculateJwkThumbprint(jwk)
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' } }
}
