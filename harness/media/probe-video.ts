import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { z } from 'zod'
import { fail, type Outcome, ok } from '../../system/shared/outcome.ts'

/** What ffprobe found in a file that holds a video stream. */
export interface VideoProbe {
  width: number
  height: number
  durationS: number
  /** Every stream's codec_type, in file order (`video`, `audio`…). */
  streams: string[]
}

/**
 * - `no_ffprobe`: ffprobe is not installed (`npm run setup` installs Debian's ffmpeg);
 * - `not_media`: ffprobe cannot read the file as media (a placeholder served as video/mp4);
 * - `no_video`: media, but without a video stream or with no duration.
 */
export type ProbeFailure = 'no_ffprobe' | 'not_media' | 'no_video'

const FfprobeJson = z.object({
  streams: z
    .array(
      z.looseObject({ codec_type: z.string(), width: z.number().optional(), height: z.number().optional() }),
    )
    .default([]),
  format: z.looseObject({ duration: z.coerce.number().optional() }).optional(),
})

const run = promisify(execFile)

/** Asks ffprobe what `file` holds; whether it is a playable video is the answer, never a throw. */
export async function probeVideo(
  file: string,
  timeoutMs = 30_000,
): Promise<Outcome<VideoProbe, ProbeFailure>> {
  let stdout: string
  try {
    ;({ stdout } = await run(
      'ffprobe',
      [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type,width,height',
        '-show_entries',
        'format=duration',
        '-of',
        'json',
        file,
      ],
      { timeout: timeoutMs },
    ))
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT') return fail('no_ffprobe', 'ffprobe is not installed (apt-get install -y ffmpeg)')
    return fail('not_media', `ffprobe cannot read ${file}: ${(e.stderr || e.message).trim().slice(0, 300)}`)
  }
  const parsed = FfprobeJson.safeParse(JSON.parse(stdout || '{}'))
  if (!parsed.success)
    return fail('not_media', `ffprobe answered what is not its JSON: ${stdout.slice(0, 200)}`)
  const streams = parsed.data.streams
  const video = streams.find((s) => s.codec_type === 'video')
  const durationS = parsed.data.format?.duration ?? Number.NaN
  if (!video?.width || !video.height)
    return fail(
      'no_video',
      `no video stream in ${file} (streams: ${streams.map((s) => s.codec_type).join(', ') || 'none'})`,
    )
  if (!(durationS > 0)) return fail('no_video', `${file} has a video stream but no duration`)
  return ok({
    width: video.width,
    height: video.height,
    durationS,
    streams: streams.map((s) => s.codec_type),
  })
}
