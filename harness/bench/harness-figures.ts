import { readAcceptanceRuns } from '../report/acceptance-runs.ts'
import type { BenchFigure } from './table.ts'

const GROUP = 'Harness'
/** The strict run (the guide's 10 s mock) is the one a release waits for. */
const STRICT_ACCEPTANCE_TARGET = { op: '<=', value: 200 } as const

/**
 * Local stack bring-up: StackBuilder.start() to every service ready (throwaway Redis and PostgreSQL
 * included), once per stack the bench starts.
 */
export function bringUpFigure(seconds: number[]): BenchFigure {
  return {
    group: GROUP,
    name: 'local stack bring-up (Redis, PostgreSQL, 6 services)',
    unit: 's',
    target: { op: '<', value: 3 },
    guide: null,
    runs: seconds,
  }
}

/**
 * Acceptance wall time in strict and fast timing, read from the last `npm run acceptance` of each
 * (reports/acceptance-runs.json): the bench does not run it (it takes many minutes).
 */
export function acceptanceFigures(path: string): BenchFigure[] {
  const runs = readAcceptanceRuns(path)
  return (['strict', 'fast'] as const).map((timing) => {
    const run = runs[timing]
    return {
      group: GROUP,
      name: `acceptance wall time (TIMING=${timing})`,
      unit: 's',
      target: timing === 'strict' ? STRICT_ACCEPTANCE_TARGET : null,
      guide: null,
      runs: run ? [run.wall_s] : [],
      note: run
        ? `not run by the bench: the last npm run acceptance in ${timing} timing (${run.finished_at}, commit ${run.commit}, ${run.passed ? 'passed' : 'failed'}; ${run.suites.map((s) => `${s.suite} ${s.seconds.toFixed(0)} s`).join(', ')})`
        : `not run by the bench, and no npm run acceptance in ${timing} timing recorded yet (${path})`,
    }
  })
}
