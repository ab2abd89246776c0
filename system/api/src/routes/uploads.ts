import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sniffImage } from '../../../shared/image-type.ts'
import { ErrorResponse } from '../../../shared/schemas/errors.ts'
import { MAX_UPLOAD_BYTES, UploadImageResponse } from '../../../shared/schemas/uploads.ts'
import type { RouteOptions } from '../deps.ts'

/** POST /upload/image: one JPEG/PNG/WebP file of at most 10 MB, stored under the user's own folder. */
export const uploadRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { config }) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } })

  app.post(
    '/upload/image',
    {
      schema: {
        tags: ['uploads'],
        consumes: ['multipart/form-data'],
        response: { 200: UploadImageResponse, 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        return reply.code(400).send({ detail: 'Expected multipart/form-data with a file' })
      let file: Awaited<ReturnType<typeof req.file>>
      let bytes: Buffer
      try {
        file = await req.file()
        if (file?.fieldname !== 'file') return reply.code(400).send({ detail: 'Missing form field "file"' })
        bytes = await file.toBuffer() // throws 413 past the limit, when it notices in time
      } catch (err) {
        // The multipart limits answer with their own 4xx; a body busboy cannot parse (cut short, no
        // closing boundary, a broken part header) is the client's error too, not a 500.
        if (isClientError(err)) throw err
        return reply.code(400).send({ detail: 'Malformed multipart/form-data body' })
      }
      // Over a real socket the limit is often reached after the last chunk was read: busboy then only
      // marks the stream truncated, and toBuffer() returns the first 10 MB as if that were the file.
      if (file.file.truncated) return reply.code(413).send({ detail: 'Request body too large' })
      const ext = sniffImage(bytes)
      if (!ext) return reply.code(400).send({ detail: 'Only JPEG, PNG or WebP images are accepted' })
      const dir = join(resolve(config.UPLOADS_DIR), `user_${req.userId}`)
      const name = `${randomUUID()}.${ext}`
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, name), bytes)
      return {
        message: 'Image uploaded successfully',
        file_path: `/uploads/user_${req.userId}/${name}`,
        filename: basename(file.filename || name).slice(0, 255),
      }
    },
  )
}

function isClientError(err: unknown): boolean {
  const status = (err as { statusCode?: unknown }).statusCode
  return typeof status === 'number' && status >= 400 && status < 500
}
