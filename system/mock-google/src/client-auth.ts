import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * The client's credentials from HTTP Basic (client_secret_basic) or the body (client_secret_post), the two
 * methods Google's token endpoint accepts.
 */
export function clientCredentials(
  authorization: string | undefined,
  body: { client_id?: string | undefined; client_secret?: string | undefined },
): { clientId: string | undefined; clientSecret: string | undefined } {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      // RFC 6749 §2.3.1: both halves are form-urlencoded before joining.
      return {
        clientId: safeDecode(decoded.slice(0, colon)),
        clientSecret: safeDecode(decoded.slice(colon + 1)),
      }
    }
  }
  return { clientId: body.client_id, clientSecret: body.client_secret }
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function secretsMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}
