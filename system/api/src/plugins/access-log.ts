import { STATUS_CODES } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { LogEvent } from '../../../shared/log-events.ts'

/**
 * The guide's access line, `"POST /api/v1/videos/generate HTTP/1.1" 201 Created`, as a structured event.
 * The query string is never logged: the SSE stream carries its token there.
 */
export function installAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (req, reply, done) => {
    const path = req.url.split('?')[0]
    const status = reply.statusCode
    req.log.info(
      {
        event: LogEvent.httpRequest,
        method: req.method,
        path,
        status,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      `"${req.method} ${path} HTTP/${req.raw.httpVersion}" ${status} ${STATUS_CODES[status] ?? ''}`,
    )
    done()
  })
}
