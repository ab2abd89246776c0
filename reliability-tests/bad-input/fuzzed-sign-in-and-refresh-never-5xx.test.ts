import fc from 'fast-check'
import { GoogleAuthRequest, RefreshRequest } from '../../system/shared/schemas/auth.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { announceSeed, expectHandled } from '../support/in-process-api.ts'
import { fuzzParameters, objectArbitrary } from '../support/schema-arbitraries.ts'

/**
 * The two routes anyone may call, with bodies derived from their schemas. A well-formed sign-in goes
 * all the way to mock-google's token endpoint (which knows none of these codes): 401, no user made.
 */
describe('fuzzed sign-in and refresh requests', () => {
  for (const [path, schema] of [
    ['/api/v1/auth/google', GoogleAuthRequest],
    ['/api/v1/auth/refresh', RefreshRequest],
  ] as const) {
    test(`POST ${path.replace('/api/v1', '')} never gets a 5xx; every 4xx has a JSON detail; the database is unchanged @BAD-02`, async ({
      fuzzApi,
    }) => {
      const params = fuzzParameters()
      await announceSeed(`POST ${path}`, params)
      const before = await fuzzApi.snapshot()
      await fc.assert(
        fc.asyncProperty(objectArbitrary(schema), async (body) => {
          const res = await fuzzApi.app.inject({
            method: 'POST',
            url: path,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          })
          expectHandled(res, `POST ${path} ${JSON.stringify(body).slice(0, 200)}`)
          expect(res.statusCode).not.toBe(200)
          expect(await fuzzApi.snapshot()).toBe(before)
        }),
        params,
      )
    })
  }
})
