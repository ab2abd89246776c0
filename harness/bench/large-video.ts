import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { promisify } from 'node:util'
import type { Browser } from '@playwright/test'
import { LogEvent } from '../../system/shared/log-events.ts'
import type { StartedStack } from '../stack/started-stack.ts'
import { generateUntilPlaying, openSignedIn, type Studio } from './browser.ts'
import type { BenchSettings } from './settings.ts'
import type { BenchFigure } from './table.ts'
import { completedVideo } from './videos-db.ts'

/**
 * The large sample mock-sora serves for this group: `npm run fixtures:large`'s 151 MB file (made here
 * when missing, which takes ffmpeg a while and is outside the bench's budget), or a smaller one in quick
 * mode.
 */
export async function largeSample(sizeMb: number): Promise<string> {
  const path = sizeMb === 151 ? '.tmp/large-sample.mp4' : `.tmp/bench-sample-${sizeMb}.mp4`
  if (!existsSync(path)) {
    console.log(`bench: making the ${sizeMb} MB sample ${path} (fixtures/make-large-sample.sh)`)
    await promisify(execFile)('bash', ['fixtures/make-large-sample.sh', String(sizeMb), path])
  }
  return path
}

/** The resident set of a process on this machine, in bytes (Linux /proc); NaN once it is gone. */
function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/**
 * Large video, end to end in the browser, on a stack whose mock-sora serves the large sample (a short
 * mock job: the figures are about what happens after Sora). Per run:
 * - worker RSS growth: peak minus the worker's RSS before the walk, sampled every 20 ms (< 64 MB, 10⁶ bytes);
 * - Sora completed → file served: the mock job's end (its submission, as mock-sora logged it, plus its
 *   duration) to the video's row turning completed, which the worker does only after the whole file is
 *   on disk; the file is then checked by HEAD (< 2 s);
 * - first frame playable: that completion to the page's result video firing `playing` (< 1 s).
 */
export async function largeVideoFigures(
  stack: StartedStack,
  browser: Browser,
  settings: BenchSettings,
  sampleBytes: number,
  report: (f: BenchFigure) => void,
): Promise<void> {
  const webUrl = stack.urls.web
  if (!webUrl) throw new Error('the stack has no web app')
  const workerPid = stack.service('worker-1').pid
  if (workerPid === undefined) throw new Error('worker-1 has no pid')
  const growth: number[] = []
  const served: number[] = []
  const playable: number[] = []
  const problems: string[] = []
  // One signed-in page for all runs (each run reloads it first).
  let studio: Studio | undefined
  try {
    for (let run = 0; run < settings.runs; run += 1) {
      const before = rssBytes(workerPid)
      let peak = before
      const sampler = setInterval(() => {
        const now = rssBytes(workerPid)
        if (now > peak) peak = now
      }, 20)
      try {
        const fresh = studio !== undefined
        studio ??= await openSignedIn(
          browser,
          webUrl,
          'sse',
          `bench-large-${Date.now()}@example.com`,
          settings.walkDeadlineMs,
        )
        const walk = await generateUntilPlaying(studio, settings.walkDeadlineMs, { fresh })
        clearInterval(sampler)
        growth.push((peak - before) / 1e6)
        const row = await completedVideo(stack, walk.videoId)
        const submitted = stack
          .logs('mock-sora')
          .find((e) => e.event === LogEvent.mockStep2Submitted && e.jobId === row.soraJobId)
        const soraDoneMs = submitted
          ? new Date(submitted.time).getTime() + Number(submitted.durationS) * 1000
          : Number.NaN
        served.push((row.updatedMs - soraDoneMs) / 1000)
        playable.push((walk.playingAt - row.updatedMs) / 1000)
        const head = await fetch(`${stack.urls.api}${row.videoUrl}`, { method: 'HEAD' })
        const length = Number(head.headers.get('content-length'))
        if (head.status !== 200 || length !== sampleBytes)
          problems.push(
            `run ${run + 1}: HEAD answered ${head.status} with ${length} bytes, not ${sampleBytes}`,
          )
      } catch (err) {
        problems.push(`run ${run + 1}: ${(err as Error).message}`)
        for (const list of [growth, served, playable]) if (list.length === run) list.push(Number.NaN)
      } finally {
        clearInterval(sampler)
      }
    }
  } finally {
    await studio?.close()
  }
  const group = `Large video (${(sampleBytes / 1024 / 1024).toFixed(0)} MiB sample, browser)`
  const note = problems.length ? problems.join('; ') : undefined
  report({
    group,
    name: 'worker RSS growth',
    unit: 'MB',
    target: { op: '<', value: 64 },
    guide: null,
    runs: growth,
    ...(note ? { note } : {}),
  })
  report({
    group,
    name: 'Sora completed → file served',
    unit: 's',
    target: { op: '<', value: 2 },
    guide: null,
    runs: served,
  })
  report({
    group,
    name: 'completed → first frame playing',
    unit: 's',
    target: { op: '<', value: 1 },
    guide: { op: '<=', value: 5 },
    runs: playable,
  })
}

export const fileBytes = (path: string): number => statSync(path).size
