import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { getVideo, toVideoResponse } from '../../../db/videos.ts'
import { ErrorResponse } from '../../../shared/schemas/errors.ts'
import { StreamQuery, TERMINAL_STATUSES, VideoIdParams } from '../../../shared/schemas/videos.ts'
import type { RouteOptions } from '../deps.ts'

const KEEPALIVE_MS = 15_000

/**
 * GET /videos/{id}/stream: Server-Sent Events (`event: video`, data = VideoResponse) on every change,
 * closed after the terminal state. EventSource cannot send headers, so it authenticates with a
 * short-lived stream token for this one video (POST /videos/{id}/stream-token) in `?token=`.
 */
export const videoStreamRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  // A hijacked stream is never idle, so close() would wait for every open stream to end by itself:
  // end them first (clients reconnect, as EventSource does), so that the API stops at once.
  const open = new Set<() => void>()
  app.addHook('preClose', async () => {
    for (const finish of [...open]) finish()
  })

  app.get(
    '/videos/:id/stream',
    {
      schema: {
        tags: ['videos'],
        params: VideoIdParams,
        querystring: StreamQuery,
        response: { 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      if (!req.query.token) return reply.code(401).send({ detail: 'Not authenticated' })
      const claims = await deps.tokens.verify(req.query.token, 'stream')
      if (!claims) return reply.code(401).send({ detail: 'Invalid or expired stream token' })
      const notFound = { detail: `Video with id ${req.params.id} not found` }
      if (claims.videoId !== req.params.id) return reply.code(404).send(notFound)
      const first = await getVideo(deps.pool, req.params.id, claims.userId)
      if (!first) return reply.code(404).send(notFound)

      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...corsHeaders(reply.getHeaders()),
      })
      let last = ''
      let done = false
      const send = async () => {
        if (done) return
        const video = await getVideo(deps.pool, req.params.id, claims.userId).catch(() => null)
        if (!video || done) return
        const data = JSON.stringify(toVideoResponse(video))
        if (data !== last) {
          last = data
          res.write(`event: video\ndata: ${data}\n\n`)
        }
        if (TERMINAL_STATUSES.includes(video.status)) finish()
      }
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
      const unsubscribe = deps.events.subscribe(req.params.id, () => void send())
      const finish = () => {
        if (done) return
        done = true
        open.delete(finish)
        clearInterval(keepalive)
        unsubscribe()
        res.end()
      }
      open.add(finish)
      req.raw.on('close', finish)
      await send()
    },
  )
}

/** A hijacked reply skips @fastify/cors's header pass: carry over what it already set. */
function corsHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([k]) => k.startsWith('access-control-') || k === 'vary')
      .map(([k, v]) => [k, String(v)]),
  )
}
