import { http, joinUrl } from '../../http.ts'
import { DEFAULT_WEB_ORIGIN } from '../context.ts'
import { defineCheck, fail, fixFor, pass, skip } from '../define-check.ts'

/** The guide's "CORS errors?": the browser's preflight from the frontend's origin for the poll request. */
export const corsPreflight = defineCheck(
  { id: 'cors-preflight', title: 'CORS preflight from the web origin allowed', checklistId: 'DIAG-02' },
  async (ctx) => {
    const origin = ctx.options.webUrl ? new URL(ctx.options.webUrl).origin : DEFAULT_WEB_ORIGIN
    const fix = fixFor(
      ctx,
      `add ${origin} to the API's CORS_ORIGINS (comma-separated) and restart the API`,
      `the API at ${ctx.options.apiUrl} does not allow origin ${origin} (its CORS allow-list): the frontend there cannot poll it until that list has it`,
    )
    const health = await ctx.health()
    if (!health.ok) return skip(`the API is not answering (see API reachable): ${health.detail}`)
    const seen = await http(joinUrl(ctx.options.apiUrl, '/api/v1/videos/1'), {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
      timeoutMs: ctx.options.timeoutMs,
      redirect: 'manual',
    })
    if (!seen.ok)
      return fail(`preflight not answered: ${seen.detail}`, 'start the API first (see API reachable)')
    const { status, headers } = seen.value
    const allowOrigin = headers.get('access-control-allow-origin')
    const allowHeaders = (headers.get('access-control-allow-headers') ?? '').toLowerCase()
    if (status < 200 || status >= 300)
      return fail(`OPTIONS /api/v1/videos/1 from ${origin} answered ${status}`, fix)
    if (allowOrigin !== origin && allowOrigin !== '*')
      return fail(
        `OPTIONS /api/v1/videos/1 from ${origin}: Access-Control-Allow-Origin is ${allowOrigin ?? 'missing'}`,
        fix,
      )
    if (!allowHeaders.split(/\s*,\s*/).some((h) => h === 'authorization' || h === '*'))
      return fail(
        `the preflight does not allow the Authorization header (allowed: ${allowHeaders || 'none'})`,
        fixFor(
          ctx,
          "allow the authorization header in the API's CORS settings",
          `the API at ${ctx.options.apiUrl} does not allow the Authorization header from ${origin} (its CORS settings)`,
        ),
      )
    return pass(`OPTIONS from ${origin} → ${status}, allows GET with Authorization`)
  },
)
