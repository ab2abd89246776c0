/**
 * How long each figure group runs. The full bench must finish in under 5 minutes on two cores:
 *
 *   bring-up       3 stacks started (main, large video, a bare one)
 *   API            3 runs × 15 s × 2 endpoints (+ sign-in, queue drain)
 *   push vs poll   3 rounds, SSE and poll side by side, 10 s mock
 *   concurrency    3 rounds of 50 users at once, 10 s mock
 *   large video    3 runs of the 151 MB sample, 2 s mock
 *
 * `BENCH_QUICK=1` is for development: 1 run of each, 2 s autocannon, 5 users, a 20 MB sample (BENCH_LARGE_MB=151 for the
 * full one, BENCH_RUNS=2 to try the repeat paths). Its numbers are not comparable to the targets (too few samples, smaller video).
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
  const settings: BenchSettings = quick
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
  // BENCH_LARGE_MB: another sample size, e.g. the full 151 MB in a quick run.
  const largeMb = Number(env.BENCH_LARGE_MB)
  if (env.BENCH_LARGE_MB && (!Number.isInteger(largeMb) || largeMb <= 0))
    throw new Error(`BENCH_LARGE_MB=${env.BENCH_LARGE_MB} is not a whole number of MB`)
  if (largeMb) settings.largeVideo.sizeMb = largeMb
  // BENCH_RUNS: another number of runs per figure, e.g. 2 in a quick run to try the repeat paths.
  const runs = Number(env.BENCH_RUNS)
  if (env.BENCH_RUNS && (!Number.isInteger(runs) || runs <= 0))
    throw new Error(`BENCH_RUNS=${env.BENCH_RUNS} is not a whole number of runs`)
  if (runs) settings.runs = runs
  return settings
}
