import type { FastifyRequest } from 'fastify'
import type { MockGoogleConfig } from '../../shared/config.ts'

/** The configured issuer, or the origin the request reached us on (so any free port just works). */
export function issuerFor(config: MockGoogleConfig, request: FastifyRequest): string {
  if (config.MOCK_GOOGLE_ISSUER) return config.MOCK_GOOGLE_ISSUER.replace(/\/+$/, '')
  return `${request.protocol}://${request.host}`
}
