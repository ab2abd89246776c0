import { http } from '../../http.ts'
import { defineCheck, fail, fixFor, pass, skip } from '../define-check.ts'

/** Smaller than this is not a video (the guide's sample is ~150 MB; ours 0.4 MB). */
export const MIN_SANE_VIDEO_BYTES = 10 * 1024

const FIX_FILE =
  'look at the worker log for "video.file.ready" and its path: the API and the worker must share UPLOADS_DIR (…/uploads/videos/user_X_video_Y.mp4)'

/**
 * The guide's "video does not play": a finished video's file answers HEAD as video/mp4 with a sane
 * size, and a ranged GET answers 206 with an MP4 header (`ftyp`), as a player asks for it.
 */
export const videoFile = defineCheck(
  {
    id: 'video-file',
    title: "A finished video's file answers HEAD with a sane size",
    checklistId: 'DIAG-03',
  },
  async (ctx) => {
    const found = await ctx.finishedVideo()
    if (!found.ok)
      return found.kind === 'not_asked'
        ? skip(found.detail)
        : fail(
            `no finished video: ${found.detail}`,
            found.kind === 'sign_in'
              ? 'check --google (mock-google) and that the API uses it (GOOGLE_TOKEN_URL, GOOGLE_USERINFO_URL)'
              : 'run the other checks first: a video only finishes with Redis and a ready worker',
          )
    const { fileUrl, source } = found.value
    const fixFile = fixFor(
      ctx,
      FIX_FILE,
      `the API at ${ctx.options.apiUrl} lists the video as completed but does not serve its file at ${fileUrl} as video/mp4 of a sane size`,
    )
    const how = { given: 'given', found: 'the test user’s latest', generated: 'generated now' }[source]
    const head = await http(fileUrl, { method: 'HEAD', timeoutMs: ctx.options.timeoutMs, redirect: 'manual' })
    if (!head.ok) return fail(`HEAD ${fileUrl}: ${head.detail}`, fixFile)
    const type = head.value.headers.get('content-type') ?? ''
    const size = Number(head.value.headers.get('content-length') ?? Number.NaN)
    if (head.value.status !== 200) return fail(`HEAD ${fileUrl} → ${head.value.status}`, fixFile)
    if (!type.startsWith('video/mp4'))
      return fail(`HEAD ${fileUrl} → content-type ${type || 'missing'}, not video/mp4`, fixFile)
    if (!(size >= MIN_SANE_VIDEO_BYTES))
      return fail(
        `HEAD ${fileUrl} → ${head.value.headers.get('content-length') ?? 'no'} bytes: not a video`,
        fixFile,
      )
    const range = await fetchRange(fileUrl, ctx.options.timeoutMs)
    if (!range.ok)
      return fail(
        `GET ${fileUrl} with Range: ${range.detail}`,
        fixFor(
          ctx,
          'serve /uploads with Range support',
          `the API at ${ctx.options.apiUrl} does not answer byte ranges on /uploads`,
        ),
      )
    return pass(
      `${how} video ${fileUrl}: HEAD 200 video/mp4, ${size} bytes (${(size / 1024 / 1024).toFixed(2)} MB), Range → 206 MP4`,
    )
  },
)

async function fetchRange(
  url: string,
  timeoutMs: number,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    const res = await fetch(url, { headers: { range: 'bytes=0-11' }, signal: AbortSignal.timeout(timeoutMs) })
    const bytes = Buffer.from(await res.arrayBuffer())
    if (res.status !== 206) return { ok: false, detail: `answered ${res.status}, not 206` }
    if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp')
      return { ok: false, detail: 'the first bytes are not an MP4 header (no ftyp box)' }
    return { ok: true }
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) }
  }
}
