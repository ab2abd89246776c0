import { z } from 'zod'
import { http } from '../http.ts'

/**
 * What a deployment offers beyond the guide, probed once at the start of a suite over plain HTTP: its
 * OpenAPI document (wherever it lives) tells the routes and the generate call's headers, `/health`
 * tells its parts. A test of a feature the target lacks is "not offered", with the reason, instead of a
 * failure; where the lack is a defect a user feels (a double submit charging twice), the test runs
 * anyway and says why. Without an OpenAPI document a feature counts as offered, so its test decides.
 */
export interface Capabilities {
  /** Path of the OpenAPI document, or undefined when none of the usual places has one. */
  openApiPath: string | undefined
  /** Routes of the OpenAPI document, as written there (`/api/v1/videos/{video_id}`). */
  routes: string[]
  /** Server-Sent Events of a video (`/videos/{id}/stream`) and the short-lived token that opens them. */
  stream: Offer
  /** The generate call takes an `Idempotency-Key` header. */
  idempotency: Offer
  /** Image uploads (`POST /upload/image`). */
  uploads: Offer
  /** The parts `/health` reports (redis, database, queue, mock_sora, workers); empty for a static health. */
  healthParts: string[]
}

export type Offer = { offered: true } | { offered: false; reason: string }

export const OPENAPI_PATHS = ['/docs/json', '/openapi.json', '/api/v1/openapi.json', '/docs/openapi.json']
const HEALTH_PARTS = ['redis', 'database', 'queue', 'mock_sora', 'workers']

const OpenApiDoc = z.looseObject({
  openapi: z.string().optional(),
  swagger: z.string().optional(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
})
const Operation = z.looseObject({
  parameters: z.array(z.looseObject({ name: z.string(), in: z.string() })).optional(),
})

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await http(url, { timeoutMs: 10_000 })
  return res.ok ? res.value : { status: 0, body: res.detail }
}

/** A route template matches when its parameters' names differ (`{id}` vs `{video_id}`). */
const shape = (route: string) => route.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '')

export async function probeCapabilities(apiUrl: string): Promise<Capabilities> {
  let openApiPath: string | undefined
  let doc: z.infer<typeof OpenApiDoc> | undefined
  for (const path of OPENAPI_PATHS) {
    const { status, body } = await getJson(`${apiUrl}${path}`)
    const parsed = OpenApiDoc.safeParse(body)
    if (status === 200 && parsed.success) {
      openApiPath = path
      doc = parsed.data
      break
    }
  }
  const routes = doc ? Object.keys(doc.paths) : []
  const has = (route: string) => routes.some((r) => shape(r) === shape(route))
  const fromDoc = (offered: boolean, what: string): Offer =>
    !doc || offered
      ? { offered: true }
      : {
          offered: false,
          reason: `not offered: ${what} is not in the target's OpenAPI document (${openApiPath})`,
        }

  const generate = doc && Object.entries(doc.paths).find(([r]) => shape(r) === '/api/v1/videos/generate')?.[1]
  const generateParams = Operation.safeParse(generate?.post).data?.parameters ?? []
  const health = await getJson(`${apiUrl}/health`)
  const healthBody =
    health.body && typeof health.body === 'object' ? (health.body as Record<string, unknown>) : {}

  return {
    openApiPath,
    routes,
    stream: fromDoc(
      has('/api/v1/videos/{}/stream') && has('/api/v1/videos/{}/stream-token'),
      'GET /api/v1/videos/{id}/stream with POST /api/v1/videos/{id}/stream-token',
    ),
    idempotency: fromDoc(
      generateParams.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
      'an Idempotency-Key header on POST /api/v1/videos/generate',
    ),
    uploads: fromDoc(has('/api/v1/upload/image'), 'POST /api/v1/upload/image'),
    healthParts: HEALTH_PARTS.filter((p) => p in healthBody),
  }
}
