import type { FastifyReply } from 'fastify'
import type { ErrorReply } from './errors.ts'

/** Sends an OpenAI-shaped error; returns the reply so hooks and handlers can `return` it. */
export function sendError(reply: FastifyReply, error: ErrorReply): FastifyReply {
  if (error.headers) reply.headers(error.headers)
  return reply.code(error.status).send(error.body)
}
