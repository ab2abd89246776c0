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
export const Perf = z
  .object({
    api_get_video: Latency,
    api_generate: Latency,
    generation_s: z.number(),
    click_to_playing_s: z.number(),
    poll_interval_s: z.number(),
    sse_push_latency_ms: z.number(),
    video_size_bytes: z.number(),
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
