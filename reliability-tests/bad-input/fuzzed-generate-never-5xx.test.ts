import fc from 'fast-check'
import { GenerateVideoRequest, VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { announceSeed, expectHandled } from '../support/in-process-api.ts'
import { fuzzParameters, headerText, objectArbitrary } from '../support/schema-arbitraries.ts'

/**
 * POST /videos/generate with bodies derived from GenerateVideoRequest (valid ones mutated field by
 * field, arbitrary JSON, malformed JSON) and arbitrary Idempotency-Key headers, from a user with
 * plenty of credits (so that a body the schema lets through goes all the way to the database):
 * never a 5xx; a 4xx has a JSON detail and changes nothing; a 201 is a request the schema accepts and
 * changes exactly one video, one charge (and its key) — or nothing at all when it is a replay.
 */
describe('fuzzed generate requests', () => {
  test('never get a 5xx; every 4xx has a JSON detail and leaves the database unchanged @BAD-01', async ({
    fuzzApi,
  }) => {
    const params = fuzzParameters()
    await announceSeed('POST /videos/generate', params)
    await fuzzApi.grant(10 * (params.numRuns + 10))
    const payload = fc.oneof(
      { weight: 9, arbitrary: objectArbitrary(GenerateVideoRequest).map((b) => JSON.stringify(b)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    )
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8')
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.option(headerText(300), { freq: 2 }),
        contentType,
        async (body, key, type) => {
          const before = await fuzzApi.counts()
          const snapshot = await fuzzApi.snapshot()
          const res = await fuzzApi.app.inject({
            method: 'POST',
            url: '/api/v1/videos/generate',
            headers: {
              ...fuzzApi.auth,
              'content-type': type,
              ...(key === null ? {} : { 'idempotency-key': key }),
            },
            payload: body,
          })
          const what = `POST /videos/generate ${body.slice(0, 200)} key ${JSON.stringify(key)}`
          expectHandled(res, what)
          if (res.statusCode !== 201) {
            expect(await fuzzApi.snapshot(), what).toBe(snapshot)
            return
          }
          accepted += 1
          expect(GenerateVideoRequest.safeParse(JSON.parse(body)).success, `${what}: accepted`).toBe(true)
          VideoResponse.parse(res.json())
          const after = await fuzzApi.counts()
          if (res.headers['idempotent-replayed'] === 'true') expect(after, what).toEqual(before)
          else
            expect(after, what).toEqual({
              videos: before.videos + 1,
              ledger: before.ledger + 1,
              keys: before.keys + (key ? 1 : 0),
              credits: before.credits - 10,
            })
        },
      ),
      params,
    )
    console.info(`POST /videos/generate: ${accepted} of ${params.numRuns} cases accepted (201)`)
  })
})
