import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  OpenAIError,
  SoraContentQuery,
  SoraDeleted,
  SoraListQuery,
  SoraVideo,
  SoraVideoList,
} from '../../../shared/schemas/sora.ts'
import { readCreateRequest, readRemixRequest } from '../create-request.ts'
import { fromZodError, invalidRequest, serverError, videoNotFound, videoNotReady } from '../errors.ts'
import { armedHttpFaults, requireApiKey } from '../hooks.ts'
import { openMedia } from '../media.ts'
import { pacedStream } from '../paced-stream.ts'
import { sendError } from '../reply.ts'
import type { MockSoraService } from '../service.ts'

export type VideoRoutesOptions = { service: MockSoraService }

const errors = { 400: OpenAIError, 401: OpenAIError, 404: OpenAIError, 429: OpenAIError, 500: OpenAIError }
const VideoParams = z.object({ id: z.string() })

/** OpenAI's Videos API: create, retrieve, list, delete, remix, download content. */
export const videoRoutes: FastifyPluginAsync<VideoRoutesOptions> = async (scope, { service }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  app.addHook('onRequest', requireApiKey(service.config.MOCK_SORA_API_KEY))
  app.addHook('onRequest', armedHttpFaults(service))

  app.post('/videos', { schema: { response: { 200: SoraVideo, ...errors } } }, async (req, reply) => {
    const input = await readCreateRequest(req)
    if (!input.ok) return sendError(reply, input.error)
    return service.view(service.create(input.value))
  })

  app.get('/videos', { schema: { response: { 200: SoraVideoList, ...errors } } }, async (req, reply) => {
    const query = SoraListQuery.safeParse(req.query)
    if (!query.success) return sendError(reply, fromZodError(query.error, req.query))
    const page = service.page(query.data)
    if (!page)
      return sendError(reply, invalidRequest('after', `No video found with id '${query.data.after}'.`))
    const data = page.jobs.map((job) => service.view(job))
    return {
      object: 'list' as const,
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: page.hasMore,
    }
  })

  app.get(
    '/videos/:id',
    { schema: { params: VideoParams, response: { 200: SoraVideo, ...errors } } },
    async (req, reply) => {
      const job = service.jobs.get(req.params.id)
      if (!job) return sendError(reply, videoNotFound(req.params.id))
      return service.view(job)
    },
  )

  app.delete(
    '/videos/:id',
    { schema: { params: VideoParams, response: { 200: SoraDeleted, ...errors } } },
    async (req, reply) => {
      if (!service.delete(req.params.id)) return sendError(reply, videoNotFound(req.params.id))
      return { id: req.params.id, object: 'video.deleted' as const, deleted: true as const }
    },
  )

  app.post(
    '/videos/:id/remix',
    { schema: { params: VideoParams, response: { 200: SoraVideo, ...errors } } },
    async (req, reply) => {
      const source = service.jobs.get(req.params.id)
      if (!source) return sendError(reply, videoNotFound(req.params.id))
      const body = readRemixRequest(req.body)
      if (!body.ok) return sendError(reply, body.error)
      const status = service.status(source)
      if (status !== 'completed') {
        return sendError(
          reply,
          invalidRequest(
            null,
            `Video '${source.id}' cannot be remixed until it is completed (status: ${status}).`,
          ),
        )
      }
      const request = { ...source.request, prompt: body.value.prompt }
      return service.view(service.create({ request, image: null }, source.id))
    },
  )

  // Streams from disk: the sample may be the guide's 151 MB file. Declared on the untyped scope because
  // a stream has no zod schema.
  scope.get<{ Params: z.infer<typeof VideoParams> }>(
    '/videos/:id/content',
    { schema: { params: VideoParams, response: errors } },
    async (req, reply) => {
      const job = service.jobs.get(req.params.id)
      if (!job) return sendError(reply, videoNotFound(req.params.id))
      const query = SoraContentQuery.safeParse(req.query)
      if (!query.success) return sendError(reply, fromZodError(query.error, req.query))
      const status = service.view(job).status
      if (status !== 'completed') return sendError(reply, videoNotReady(job.id, status))
      const file = query.data.variant === 'video' ? service.media.video : service.media.thumbnail
      const opened = await openMedia(file)
      if (!opened) {
        req.log.error({ path: file.path }, 'sample file missing')
        return sendError(reply, serverError())
      }
      const paceMs = query.data.variant === 'video' ? job.contentDurationMs : null
      const body = paceMs === null ? opened.stream : pacedStream(opened.stream, opened.bytes, paceMs)
      return reply.type(file.contentType).header('content-length', opened.bytes).send(body)
    },
  )
}
