import { http, joinUrl } from '../../http.ts'
import { defineCheck, fail, fixFor, pass } from '../define-check.ts'

/**
 * The guide's "is the API on port 8000?": /health answers, and an /api/v1 route answers as the API
 * would (401 JSON without a token; FastAPI's HTTPBearer says 403), so the base URL is the API's and is
 * joined correctly.
 */
export const apiReachable = defineCheck(
  { id: 'api-reachable', title: 'API reachable', checklistId: 'DIAG-02' },
  async (ctx) => {
    const { apiUrl } = ctx.options
    const fix = fixFor(
      ctx,
      'start the API (npm start; it listens on port 8000, API_PORT), or point the doctor at it with --api URL',
      `the API at ${apiUrl} does not answer /health: start it, or point the doctor at it with --api URL`,
    )
    const health = await ctx.health()
    if (!health.ok) return fail(health.detail, fix)
    const route = await http(joinUrl(apiUrl, '/api/v1/users/credits'), {
      timeoutMs: ctx.options.timeoutMs,
      redirect: 'manual',
    })
    if (!route.ok) return fail(route.detail, fix)
    const body = route.value.body as { detail?: unknown } | undefined
    const refused = route.value.status
    if ((refused !== 401 && refused !== 403) || typeof body?.detail !== 'string')
      return fail(
        `GET /api/v1/users/credits without a token answered ${refused}, not a 401 {"detail"}: is ${apiUrl} the API?`,
        'point --api at the API itself (not the frontend or a proxy that rewrites /api/v1)',
      )
    const h = health.value
    return pass(
      `${apiUrl} answers: /health ${h.status} (${h.health.status}) in ${h.ms} ms, /api/v1 routes answer ${refused} without a token`,
    )
  },
)
