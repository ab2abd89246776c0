import { http, joinUrl } from '../../http.ts'
import { defineCheck, fail, fixFor, pass, skip } from '../define-check.ts'

const FIX =
  'serve the uploads directory at /uploads (UPLOADS_DIR, the same for API and worker); video_url is /uploads/videos/… relative to the API origin'

/**
 * The guide's "is the static mount /uploads in place, is the URL joined correctly?". Proof, best
 * first: a finished video's file answers 200 there; else /uploads/videos/ answers differently from a
 * path nothing serves (a mount refuses to list a directory); a missing file must still answer a plain
 * 404 JSON, never a 5xx or an HTML page.
 */
export const uploadsMounted = defineCheck(
  { id: 'uploads-mounted', title: '/uploads is mounted', checklistId: 'DIAG-03' },
  async (ctx) => {
    const { apiUrl, timeoutMs } = ctx.options
    const fix = fixFor(
      ctx,
      FIX,
      `the API at ${apiUrl} does not serve its video files under /uploads/ as its video_url says (…/uploads/videos/…)`,
    )
    const health = await ctx.health()
    if (!health.ok) return skip(`the API is not answering (see API reachable): ${health.detail}`)
    const missing = await http(joinUrl(apiUrl, '/uploads/videos/__doctor_missing__.mp4'), {
      timeoutMs: timeoutMs,
      redirect: 'manual',
    })
    if (!missing.ok)
      return fail(`GET /uploads/videos/…: ${missing.detail}`, 'start the API first (see API reachable)')
    const body = missing.value.body as { detail?: unknown } | undefined
    if (missing.value.status !== 404 || body?.detail === undefined)
      return fail(
        `a missing file under /uploads answered ${missing.value.status} ${missing.value.text.slice(0, 80)}, not a 404 {"detail"}`,
        fix,
      )

    if (ctx.knowsFinishedVideo) {
      const video = await ctx.finishedVideo()
      if (video.ok) {
        const path = new URL(video.value.fileUrl).pathname
        const seen = await http(video.value.fileUrl, {
          method: 'HEAD',
          timeoutMs: timeoutMs,
          redirect: 'manual',
        })
        if (seen.ok && seen.value.status === 200)
          return pass(`/uploads serves ${path} (200); a missing file answers 404 JSON`)
        if (!path.startsWith('/uploads/')) return fail(`video_url ${path} is not under /uploads/`, fix)
      }
    }
    const dir = await http(joinUrl(apiUrl, '/uploads/videos/'), { timeoutMs: timeoutMs, redirect: 'manual' })
    const none = await http(joinUrl(apiUrl, '/__doctor_no_such_route__/'), {
      timeoutMs: timeoutMs,
      redirect: 'manual',
    })
    if (dir.ok && none.ok && none.value.status === 404 && dir.value.status !== 404 && dir.value.status < 500)
      return pass(
        `/uploads/videos/ answers ${dir.value.status} where an unknown path answers 404: the static mount is there`,
      )
    return skip(
      'a missing file answers 404 JSON like any unknown path: cannot tell without a finished video (pass --google URL or --video-url PATH)',
    )
  },
)
