import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

/**
 * Every error leaves as `{detail}` (FastAPI's shape): request validation → 422 with one entry per issue,
 * other client errors keep their status, anything else is a logged 500 that reveals nothing.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body'
      const detail = err.validation.map((v) => ({
        loc: [where, ...v.instancePath.split('/').filter(Boolean)],
        msg: v.message,
        type: (v.params as { issue?: { code?: string } }).issue?.code ?? v.keyword,
      }))
      return reply.code(422).send({ detail })
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ detail: clientMessage(err) })
    }
    req.log.error({ event: 'http.error', err, path: req.url.split('?')[0] }, 'unhandled error')
    return reply.code(500).send({ detail: 'Internal Server Error' })
  })
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ detail: 'Not Found' }))
}

function clientMessage(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'Request body too large'
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Request body is empty'
    default:
      return err.message
  }
}
