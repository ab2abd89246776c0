import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createChargedVideo,
  discardUnqueuedVideo,
  getVideo,
  listVideos,
  type StoredVideo,
  toVideoResponse,
} from '../../../db/videos.ts'
import { checkImageUrl } from '../../../shared/image-url.ts'
import { LogEvent } from '../../../shared/log-events.ts'
import { StreamTokenResponse } from '../../../shared/schemas/auth.ts'
import { ErrorResponse } from '../../../shared/schemas/errors.ts'
import {
  GenerateVideoRequest,
  IdempotencyKey,
  ListVideosQuery,
  VideoIdParams,
  VideoListResponse,
  VideoResponse,
} from '../../../shared/schemas/videos.ts'
import type { RouteOptions } from '../deps.ts'
import { STREAM_TOKEN_TTL_S } from '../services/tokens.ts'

const GenerateHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() })
const notFound = (id: number) => ({ detail: `Video with id ${id} not found` })

/** An upload may only be used by its owner: `/uploads/user_{id}/...`. */
function imageRefusal(url: string, userId: number, allowedHosts: readonly string[]): string | null {
  const source = checkImageUrl(url, allowedHosts)
  if (!source.ok) return `reference_image_url refused: ${source.detail}`
  if (source.value.kind === 'upload' && !source.value.path.startsWith(`/uploads/user_${userId}/`)) {
    return 'reference_image_url refused: not one of your uploads'
  }
  return null
}

export const videoRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { config, deps }) => {
  const enqueue = (video: StoredVideo) =>
    deps.queue.enqueue({
      video_id: video.id,
      user_id: video.user_id,
      prompt: video.prompt,
      model: video.model,
      reference_image_url: video.reference_image_url,
    })

  app.post(
    '/videos/generate',
    {
      schema: {
        tags: ['videos'],
        body: GenerateVideoRequest,
        headers: GenerateHeaders,
        response: {
          201: VideoResponse,
          401: ErrorResponse,
          402: ErrorResponse,
          422: ErrorResponse,
          429: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (req, reply) => {
      const { prompt, model, reference_image_url } = req.body
      if (reference_image_url) {
        const refusal = imageRefusal(reference_image_url, req.userId, config.IMAGE_ALLOWED_HOSTS)
        if (refusal) return reply.code(422).send({ detail: refusal })
      }
      if (!(await deps.rateLimiter.allow(req.userId))) {
        return reply.code(429).send({ detail: 'Too many video requests, try again in a minute' })
      }
      const created = await createChargedVideo(deps.pool, {
        userId: req.userId,
        prompt,
        model,
        referenceImageUrl: reference_image_url ?? null,
        idempotencyKey: req.headers['idempotency-key'],
      })
      if (!created.ok) {
        return created.kind === 'insufficient_credits'
          ? reply.code(402).send({ detail: created.detail })
          : reply.code(401).send({ detail: 'Could not validate credentials' })
      }
      const { video, replayed } = created.value
      // A replay re-enqueues a still-pending video: the job id is derived, so this is a no-op if queued.
      if (!replayed || video.status === 'pending') {
        const queued = await enqueue(video)
        if (!queued.ok) {
          if (!replayed) await discardUnqueuedVideo(deps.pool, video.id)
          req.log.warn(
            { event: LogEvent.queueUnavailable, videoId: video.id, reason: queued.detail },
            'queue unavailable: nothing charged',
          )
          return reply
            .code(503)
            .send({ detail: 'Video queue is unavailable; nothing was charged. Try again later.' })
        }
        req.log.info(
          {
            event: LogEvent.videoQueued,
            videoId: video.id,
            userId: video.user_id,
            jobId: queued.value.jobId,
          },
          `✅ Video generation task queued for video_id: ${video.id}`,
        )
      }
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).send(toVideoResponse(video))
    },
  )

  app.get(
    '/videos/:id',
    {
      schema: {
        tags: ['videos'],
        params: VideoIdParams,
        response: { 200: VideoResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const video = await getVideo(deps.pool, req.params.id, req.userId)
      return video ? toVideoResponse(video) : reply.code(404).send(notFound(req.params.id))
    },
  )

  app.get(
    '/videos',
    {
      schema: {
        tags: ['videos'],
        querystring: ListVideosQuery,
        response: { 200: VideoListResponse, 401: ErrorResponse },
      },
    },
    async (req) => {
      const { videos, total } = await listVideos(deps.pool, req.userId, req.query)
      return {
        videos: videos.map(toVideoResponse),
        total,
        page: req.query.page,
        page_size: req.query.page_size,
      }
    },
  )

  app.post(
    '/videos/:id/stream-token',
    {
      schema: {
        tags: ['videos'],
        params: VideoIdParams,
        response: { 200: StreamTokenResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const video = await getVideo(deps.pool, req.params.id, req.userId)
      if (!video) return reply.code(404).send(notFound(req.params.id))
      const token = await deps.tokens.sign(
        { userId: req.userId, kind: 'stream', videoId: video.id },
        STREAM_TOKEN_TTL_S,
      )
      return { token, expires_in: STREAM_TOKEN_TTL_S }
    },
  )
}
