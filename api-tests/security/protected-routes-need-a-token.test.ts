import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { parameters } from '../support/evidence.ts'

/** Routes anyone may call; every other route of the API's own OpenAPI document needs a credential. */
const PUBLIC = new Set(['GET /health', 'POST /api/v1/auth/google', 'POST /api/v1/auth/refresh'])
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

describe('protected routes', () => {
  test('answer 401 with a detail to a request without a token, or with a malformed one, for every route the API documents @SEC-01', async ({
    api,
  }) => {
    // The route list comes from the API's own OpenAPI document, so a new route is covered at once.
    const spec = (await api.get('/docs/json').expect(200)).body as {
      paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>
    }
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m]).map((m) => ({ method: m, path })),
    )
    const protectedRoutes = routes.filter((r) => !PUBLIC.has(`${r.method.toUpperCase()} ${r.path}`))
    await parameters({ routes: protectedRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).join(', ') })
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(9)

    const credentials: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['a garbage bearer', { authorization: 'Bearer not-a-jwt' }],
      ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ]
    const answers: string[] = []
    for (const { method, path } of protectedRoutes) {
      const url = path.replace(/\{[^}]+\}/g, '1')
      for (const [what, headers] of credentials) {
        const res = await api[method](url)
          .set(headers)
          .send(method === 'get' ? undefined : {})
        answers.push(`${method.toUpperCase()} ${url} with ${what}: ${res.status}`)
        expect(res.status, `${method.toUpperCase()} ${url} with ${what}`).toBe(401)
        expect(ErrorResponse.safeParse(res.body).success, `${method.toUpperCase()} ${url}: JSON detail`).toBe(
          true,
        )
      }
    }
    await parameters({ answers: answers.length })
  })
})
