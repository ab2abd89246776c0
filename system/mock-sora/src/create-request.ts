import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { SoraCreateRequest, SoraRemixRequest } from '../../shared/schemas/sora.ts'
import { type Checked, fromZodError, invalidRequest, unknownParameter } from './errors.ts'
import { imageDimensions } from './image-info.ts'
import type { ReferenceImage } from './jobs.ts'

export type CreateInput = { request: SoraCreateRequest; image: ReferenceImage | null }

/** OpenAI's limits for `input_reference`. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024

const CREATE_FIELDS = new Set(['prompt', 'model', 'seconds', 'size', 'input_reference'])
const REMIX_FIELDS = new Set(['prompt'])

/** OpenAI rejects arguments it does not know; so does the mock, to catch a client sending extras. */
function firstUnknown(fields: Record<string, unknown>, known: Set<string>): string | null {
  return Object.keys(fields).find((key) => !known.has(key)) ?? null
}

function asObject(body: unknown): Record<string, unknown> | null {
  if (body === undefined || body === null) return {}
  return typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null
}

/** POST /v1/videos as JSON, or as multipart/form-data carrying `input_reference` as a file. */
export async function readCreateRequest(req: FastifyRequest): Promise<Checked<CreateInput>> {
  let fields: Record<string, unknown>
  let image: ReferenceImage | null = null
  if (req.isMultipart()) {
    const form = await readMultipart(req)
    if (!form.ok) return form
    fields = form.value.fields
    image = form.value.image
  } else {
    const body = asObject(req.body)
    if (!body) return { ok: false, error: invalidRequest(null, 'The request body must be a JSON object.') }
    if ('input_reference' in body) {
      return {
        ok: false,
        error: invalidRequest(
          'input_reference',
          "'input_reference' must be uploaded as a file in a multipart/form-data request.",
        ),
      }
    }
    fields = body
  }
  const unknown = firstUnknown(fields, CREATE_FIELDS)
  if (unknown) return { ok: false, error: unknownParameter(unknown) }
  const parsed = SoraCreateRequest.safeParse(fields)
  if (!parsed.success) return { ok: false, error: fromZodError(parsed.error, fields) }
  return { ok: true, value: { request: parsed.data, image } }
}

export function readRemixRequest(body: unknown): Checked<z.infer<typeof SoraRemixRequest>> {
  const fields = asObject(body)
  if (!fields) return { ok: false, error: invalidRequest(null, 'The request body must be a JSON object.') }
  const unknown = firstUnknown(fields, REMIX_FIELDS)
  if (unknown) return { ok: false, error: unknownParameter(unknown) }
  const parsed = SoraRemixRequest.safeParse(fields)
  if (!parsed.success) return { ok: false, error: fromZodError(parsed.error, fields) }
  return { ok: true, value: parsed.data }
}

type Form = { fields: Record<string, string>; image: ReferenceImage | null }

async function readMultipart(req: FastifyRequest): Promise<Checked<Form>> {
  const fields: Record<string, string> = {}
  let image: ReferenceImage | null = null
  let problem: Checked<Form> | null = null
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value)
        continue
      }
      // Read every file to the end, even a rejected one, so the request completes.
      const buf = await part.toBuffer()
      if (problem) continue
      if (part.fieldname !== 'input_reference') {
        problem = { ok: false, error: unknownParameter(part.fieldname) }
      } else if (!(IMAGE_MIME_TYPES as readonly string[]).includes(part.mimetype)) {
        problem = {
          ok: false,
          error: invalidRequest(
            'input_reference',
            `Invalid file 'input_reference': unsupported mimetype ('${part.mimetype}'). Supported mimetypes are: ${IMAGE_MIME_TYPES.map((m) => `'${m}'`).join(', ')}.`,
          ),
        }
      } else {
        const size = imageDimensions(buf)
        if (!size) {
          problem = {
            ok: false,
            error: invalidRequest(
              'input_reference',
              "Invalid file 'input_reference': the image could not be read.",
            ),
          }
        } else {
          image = {
            bytes: buf.length,
            mimeType: part.mimetype,
            base64Length: buf.toString('base64').length,
            width: size.width,
            height: size.height,
          }
        }
      }
    }
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
    return {
      ok: false,
      error: tooLarge
        ? invalidRequest(
            'input_reference',
            `Invalid file 'input_reference': larger than ${MAX_IMAGE_BYTES} bytes.`,
          )
        : invalidRequest(null, `Could not parse the multipart/form-data body: ${(err as Error).message}`),
    }
  }
  if (problem) return problem
  if ('input_reference' in fields) {
    return {
      ok: false,
      error: invalidRequest('input_reference', "'input_reference' must be a file, not a text field."),
    }
  }
  return { ok: true, value: { fields, image } }
}
