/**
 * 128 random bits as hex, for OAuth `state` and Idempotency-Key. getRandomValues works on plain http too,
 * where crypto.randomUUID (secure contexts only) would not.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
