import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TokenService } from '../services/tokens.ts'

declare module 'fastify' {
  interface FastifyRequest {
    userId: number
  }
}

/** The onRequest hook of the protected scope: a valid access token, or 401 with a `detail`. */
export function requireUser(tokens: TokenService) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization
    const match = header?.match(/^Bearer\s+(\S+)$/i)
    if (!match) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ detail: 'Not authenticated' })
    }
    const claims = await tokens.verify(match[1]!, 'access')
    if (!claims) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ detail: 'Could not validate credentials' })
    }
    req.userId = claims.userId
  }
}
