import { z } from 'zod'
import { parameters } from '../../api-tests/support/evidence.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import { describe, expect, test } from '../fixtures/test.ts'

/** Routes anyone may call, where the OpenAPI document declares no security (ours does not). */
const PUBLIC = new Set(['GET /health', 'POST /api/v1/auth/google', 'POST /api/v1/auth/refresh'])
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

const Operation = z.looseObject({ security: z.array(z.unknown()).optional() })
const Spec = z.looseObject({
  security: z.array(z.unknown()).optional(),
  paths: z.record(z.string(), z.partialRecord(z.enum(METHODS), Operation)),
})

/**
 * The guide fixes that a protected route refuses a request without a valid credential: 401 or 403 both
 * refuse. The reference's 401 for each (FastAPI's HTTPBearer answers 403 to a missing one) is
 * conformance. Which routes are protected is the API's own OpenAPI document's: those declaring a
 * security requirement, or, in a document that declares none (ours), every route but the public ones.
 */
describe('protected routes', () => {
  test('answer 401 with a detail to a request without a token, or with a malformed one, for every route the API documents @SEC-01', async ({
    api,
    suite,
    conformance,
    skip,
    annotate,
  }) => {
    const docPath = suite.capabilities.openApiPath
    if (!docPath)
      return skipWithReason({ skip, annotate }, 'needs the API’s OpenAPI document (none at the usual paths)')
    // The route list comes from the API's own OpenAPI document, so a new route is covered at once.
    const spec = Spec.parse((await api.get(docPath).expect(200)).body)
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      METHODS.flatMap((m) =>
        ops[m] ? [{ method: m, path, security: ops[m].security ?? spec.security }] : [],
      ),
    )
    const declares = routes.some((r) => r.security !== undefined)
    const protectedRoutes = routes.filter((r) =>
      declares ? (r.security?.length ?? 0) > 0 : !PUBLIC.has(`${r.method.toUpperCase()} ${r.path}`),
    )
    await parameters({ routes: protectedRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).join(', ') })
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(5)

    const credentials: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['a garbage bearer', { authorization: 'Bearer not-a-jwt' }],
      ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ]
    for (const { method, path } of protectedRoutes) {
      const url = path.replace(/\{[^}]+\}/g, '1')
      for (const [what, headers] of credentials) {
        const res = await api[method](url)
          .set(headers)
          .send(method === 'get' ? undefined : {})
        const where = `${method.toUpperCase()} ${url} with ${what}`
        expect([401, 403], where).toContain(res.status)
        expect(GuideError.safeParse(res.body).success, `${where}: JSON detail`).toBe(true)
        await conformance.equal(`${where}: status`, 401, res.status)
      }
    }
  })
})
