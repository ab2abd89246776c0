/**
 * How long each figure group runs. The full bench must finish in under 5 minutes on two cores:
 *
 *   bring-up       3 stacks started (main, large video, a bare one)          ≈ 3 × 6 s  =  20 s
 *   API            3 runs × 15 s × 2 endpoints (+ sign-in, queue drain)      ≈ 90 + 10  = 100 s
 *   push vs poll   3 rounds, SSE and poll side by side, 10 s mock            ≈ 3 × 17 s =  50 s
 *   concurrency    3 rounds of 50 users at once, 10 s mock                   ≈ 3 × 13 s =  40 s
 *   large video    3 runs of the 151 MB sample, 2 s mock, in the browser     ≈ 3 × 8 s  =  25 s
 *   browser start, sign-ins, teardown                                                   ≈  20 s
 *                                                                            total      ≈ 255 s
 *
 * `BENCH_QUICK=1` is for development: 1 run of each, 2 s autocannon, 5 users, a 20 MB sample.
 * Its numbers are not comparable to the targets (too few samples, smaller video).
 */
export interface BenchSettings {
  mode: 'full' | 'quick'
  runs: number
  api: { connections: number; durationS: number }
  concurrencyUsers: number
  /** The guide's mock Sora duration for push vs poll and concurrency. */
  soraDurationS: number
  /** The large video: its size (MiB) and a short mock job (the figure is what happens after Sora). */
  largeVideo: { sizeMb: number; soraDurationS: number }
  /** Browser timeout per walk. */
  walkDeadlineMs: number
}

export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true'
  return quick
    ? {
        mode: 'quick',
        runs: 1,
        api: { connections: 50, durationS: 2 },
        concurrencyUsers: 5,
        soraDurationS: 10,
        largeVideo: { sizeMb: 20, soraDurationS: 2 },
        walkDeadlineMs: 40_000,
      }
    : {
        mode: 'full',
        runs: 3,
        api: { connections: 50, durationS: 15 },
        concurrencyUsers: 50,
        soraDurationS: 10,
        largeVideo: { sizeMb: 151, soraDurationS: 2 },
        walkDeadlineMs: 40_000,
      }
}
