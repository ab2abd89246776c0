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
    // /uploads/ answers 403 to a path that climbs out of it (`..`) or names a dotfile: answer 404, as for
    // any file that is not there, so that nothing about the disk is confirmed either way.
    if (status === 403 && req.url.startsWith('/uploads/'))
      return reply.code(404).send({ detail: 'Not Found' })
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ detail: clientMessage(err) })
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn(
        { event: 'http.database_unavailable', err: err.message, path: req.url.split('?')[0] },
        'database unavailable',
      )
      return reply
        .code(503)
        .send({ detail: 'The database is unavailable; nothing was changed. Try again later.' })
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

/**
 * PostgreSQL out of reach (refused, cut, restarting, no connection in time): a dependency outage the
 * client may retry, not a bug. A query that fails this way ran in no committed transaction.
 */
export function isDatabaseUnavailable(err: { code?: unknown; message?: unknown }): boolean {
  const code = typeof err.code === 'string' ? err.code : ''
  // Socket errors, and SQLSTATE class 08 (connection exception) / 57P01-03 (shutdown, restarting).
  if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|08...|57P0[123])$/.test(code)) return true
  const message = typeof err.message === 'string' ? err.message : ''
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    message,
  )
}
