import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

/**
 * reports/perf.json: what the suites measured, merged by key so that each suite writes its own part.
 * Values are plain numbers in the unit their key names.
 */
export const Latency = z.object({
  p50_ms: z.number(),
  p95_ms: z.number(),
  p99_ms: z.number(),
  requests_per_s: z.number().optional(),
})
/**
 * One generation of the guide walk on the page's clock, each point in ms after the Generate click: the
 * 201, the credits shown, the page showing processing ("Video generation in progress..."), the API's
 * completion record (`updated_at`), the page showing success, the video time advancing. A point the run
 * could not see is left out.
 */
export const GuideFlow = z
  .object({
    created_ms: z.number(),
    credits_shown_ms: z.number(),
    processing_ms: z.number(),
    completed_ms: z.number(),
    shown_ms: z.number(),
    playing_ms: z.number(),
  })
  .partial()
export type GuideFlow = z.infer<typeof GuideFlow>

export const Perf = z
  .object({
    api_get_video: Latency,
    api_generate: Latency,
    generation_s: z.number(),
    click_to_playing_s: z.number(),
    guide_flow: GuideFlow,
    poll_interval_s: z.number(),
    sse_push_latency_ms: z.number(),
    video_size_bytes: z.number(),
    /** PERF-05's 151 MB download: a fresh worker's peak RSS minus its RSS when ready, in 10⁶ bytes. */
    worker_rss_growth_mb: z.number(),
    /** The reliability suite's mixed load (REL-12): reads and generates together at a fixed rate. */
    load_mixed: Latency.extend({
      requests: z.number(),
      errors: z.number(),
      rate_per_s: z.number(),
      duration_s: z.number(),
    }),
  })
  .partial()
  .loose()
export type Perf = z.infer<typeof Perf>

export function readPerf(path: string): Perf {
  try {
    return Perf.parse(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    return {}
  }
}

/** Merges `part` into the file (read-modify-write; the suites write it one after another). */
export function mergePerf(path: string, part: Perf): Perf {
  const merged = { ...readPerf(path), ...part }
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`)
  return merged
}

/**
 * The guide's performance figures: what each limit is and how a measured value is judged. One table
 * for the PM report and the gate. `strictOnly` limits hold for the guide's 10 s mock, not `TIMING=fast`.
 */
export type FigureKey =
  | 'apiGet'
  | 'apiGenerate'
  | 'generation'
  | 'clickToPlaying'
  | 'poll'
  | 'push'
  | 'loadMixed'
  | 'size'
export interface Figure {
  key: FigureKey
  limit: string | null
  measured: (p: Perf) => string | undefined
  ok?: (p: Perf) => boolean
  strictOnly?: boolean
}
export type FigureVerdict = 'passed' | 'failed' | 'not_measured' | 'reported' | 'not_applicable'

const ms = (n: number, digits = 1) => `${n.toFixed(digits)} ms`
const latency = (l: Perf['api_get_video']) =>
  l ? `${ms(l.p50_ms).replace(' ms', '')} / ${ms(l.p95_ms).replace(' ms', '')} / ${ms(l.p99_ms)}` : undefined
const defined = <T>(v: T | undefined, f: (v: T) => string) => (v === undefined ? undefined : f(v))

export const FIGURES: readonly Figure[] = [
  {
    key: 'apiGet',
    limit: 'p95 < 100 ms',
    measured: (p) => latency(p.api_get_video),
    ok: (p) => p.api_get_video!.p95_ms < 100,
  },
  {
    key: 'apiGenerate',
    limit: 'p95 < 100 ms',
    measured: (p) => latency(p.api_generate),
    ok: (p) => p.api_generate!.p95_ms < 100,
  },
  {
    key: 'generation',
    limit: '10 s ± 1.5 s',
    measured: (p) => defined(p.generation_s, (v) => `${v.toFixed(1)} s`),
    ok: (p) => Math.abs(p.generation_s! - 10) <= 1.5,
    strictOnly: true,
  },
  {
    key: 'clickToPlaying',
    limit: '< 20 s',
    measured: (p) => defined(p.click_to_playing_s, (v) => `${v.toFixed(1)} s`),
    ok: (p) => p.click_to_playing_s! < 20,
    strictOnly: true,
  },
  {
    key: 'poll',
    limit: '5 s ± 0.5 s',
    measured: (p) => defined(p.poll_interval_s, (v) => `${v.toFixed(2)} s`),
    ok: (p) => Math.abs(p.poll_interval_s! - 5) <= 0.5,
  },
  { key: 'push', limit: null, measured: (p) => defined(p.sse_push_latency_ms, (v) => ms(v, 0)) },
  {
    key: 'loadMixed',
    limit: 'p95 < 100 ms',
    measured: (p) => latency(p.load_mixed),
    ok: (p) => p.load_mixed!.p95_ms < 100,
  },
  {
    key: 'size',
    limit: null,
    measured: (p) => defined(p.video_size_bytes, (v) => `${(v / 1024 / 1024).toFixed(2)} MB`),
  },
]

export function judgeFigure(
  f: Figure,
  perf: Perf,
  timing: string,
): { measured: string; verdict: FigureVerdict } {
  const measured = f.measured(perf)
  if (measured === undefined) return { measured: '—', verdict: 'not_measured' }
  if (!f.ok) return { measured, verdict: 'reported' }
  if (f.strictOnly && timing !== 'strict') return { measured, verdict: 'not_applicable' }
  return { measured, verdict: f.ok(perf) ? 'passed' : 'failed' }
}
