import fc from 'fast-check'
import { ListVideosQuery, StreamQuery, VideoIdParams } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { announceSeed, expectHandled } from '../support/in-process-api.ts'
import {
  fuzzParameters,
  invalidValue,
  jsonSchemaOf,
  objectArbitrary,
  validValue,
} from '../support/schema-arbitraries.ts'

const idSchema = jsonSchemaOf(VideoIdParams).properties!.id!

/** Percent-encodes UTF-8 bytes (lone surrogates included, which encodeURIComponent refuses). */
const pct = (s: string) =>
  [...Buffer.from(s)]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('')
/** Escapes as sent on the wire by careless clients: broken, NUL, dot segments. */
const rawEscapes = fc.constantFrom(
  '%',
  '%zz',
  '%00',
  '%ff%fe',
  '%2e%2e',
  '..',
  '%2F',
  '%u0041',
  '1%00',
  '1.0',
  '0x10',
  '1e3',
)
/** A path segment for {id}: valid ids, ids out of range or of the wrong type, any text; URL-encoded. */
const idSegment = fc
  .oneof(
    fc
      .oneof(validValue(idSchema), invalidValue(idSchema), fc.string({ maxLength: 30 }))
      .map((v) => pct(typeof v === 'string' ? v : JSON.stringify(v))),
    rawEscapes,
  )
  .filter((s) => s.length > 0)

/** A query string from an object of the schema's shape (values as text), or any raw text. */
const queryOf = (schema: Parameters<typeof objectArbitrary>[0]) =>
  fc.oneof(
    objectArbitrary(schema).map((q) => {
      if (typeof q !== 'object' || q === null || Array.isArray(q)) return `q=${pct(String(q))}`
      return Object.entries(q)
        .map(([k, v]) => `${pct(k)}=${pct(typeof v === 'string' ? v : JSON.stringify(v))}`)
        .join('&')
    }),
    fc.string({ maxLength: 60 }).map(pct),
    rawEscapes.map((e) => `page=${e}&page_size=${e}&token=${e}`),
  )

describe('fuzzed video reads', () => {
  const cases: Array<[string, fc.Arbitrary<{ method: 'GET' | 'POST'; url: string }>]> = [
    ['GET /videos/{id}', idSegment.map((id) => ({ method: 'GET', url: `/api/v1/videos/${id}` }))],
    [
      'GET /videos?query',
      queryOf(ListVideosQuery).map((q) => ({ method: 'GET', url: `/api/v1/videos?${q}` })),
    ],
    [
      'POST /videos/{id}/stream-token',
      idSegment.map((id) => ({ method: 'POST', url: `/api/v1/videos/${id}/stream-token` })),
    ],
    [
      'GET /videos/{id}/stream?token',
      fc
        .tuple(idSegment, queryOf(StreamQuery))
        .map(([id, q]) => ({ method: 'GET', url: `/api/v1/videos/${id}/stream?${q}` })),
    ],
  ]
  for (const [name, requests] of cases) {
    test(`${name} never gets a 5xx; every 4xx has a JSON detail; the database is unchanged @BAD-03`, async ({
      fuzzApi,
    }) => {
      const params = fuzzParameters()
      await announceSeed(name, params)
      const before = await fuzzApi.snapshot()
      await fc.assert(
        fc.asyncProperty(requests, async ({ method, url }) => {
          const res = await fuzzApi.app.inject({ method, url, headers: fuzzApi.auth })
          expectHandled(res, `${method} ${url}`)
          expect(await fuzzApi.snapshot()).toBe(before)
        }),
        params,
      )
    })
  }
})
