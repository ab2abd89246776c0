import type { ItemVerdict } from './coverage.ts'
import type { DifferenceRow } from './differences.ts'
import type { JunitFailure } from './junit.ts'
import { FIGURES, type FigureKey, judgeFigure, type Perf } from './perf.ts'

/**
 * The release gate: red on any failed or uncovered checklist item, any failed test in the JUnit files
 * (contracts included), any missed performance limit, or a test naming an unknown ID. Each reason is
 * one line, so the whole verdict fits on one screen. Differences from the reference API are listed
 * apart, and count against release only with `strictConformance` (`npm run gate -- --strict-conformance`).
 */
export interface GateInput {
  verdicts: ItemVerdict[]
  junit: JunitFailure[]
  perf: Perf
  timing: string
  unknownIds: string[]
  /** Where the deployment differs from the reference API; reasons against release only when strict. */
  differences?: DifferenceRow[]
  strictConformance?: boolean
}

const FIGURE_NAMES: Record<FigureKey, string> = {
  apiGet: 'API p95, GET /videos/{id}',
  apiGenerate: 'API p95, POST /videos/generate',
  generation: 'generation time',
  clickToPlaying: 'click to playing',
  poll: 'poll interval',
  push: 'push latency',
  loadMixed: 'API p95 under the mixed load (200 requests/s)',
  size: 'video size',
}

export function evaluateGate(input: GateInput): {
  ok: boolean
  reasons: string[]
  notRun: string[]
  differences: string[]
} {
  const differences = (input.differences ?? []).map(
    (d) => `${d.ids.join(' ')} differs from the reference: ${d.text}`,
  )
  const reasons = [
    ...input.verdicts
      .filter((v) => v.verdict === 'failed' || v.verdict === 'uncovered')
      .map(
        (v) => `${v.item.id} ${v.verdict === 'uncovered' ? 'has no test' : 'failed'}: ${v.reasons[0] ?? ''}`,
      ),
    ...input.junit.map((f) => `test failed (${f.file}): ${f.name}: ${f.message}`),
    ...FIGURES.flatMap((f) => {
      const { measured, verdict } = judgeFigure(f, input.perf, input.timing)
      return verdict === 'failed'
        ? [`threshold missed: ${FIGURE_NAMES[f.key]} ${measured}, limit ${f.limit}`]
        : []
    }),
    ...input.unknownIds.map((id) => `a test names ${id}, which is not in contracts/checklist.yaml`),
    ...(input.strictConformance ? differences : []),
  ]
  const notRun = input.verdicts
    .filter((v) => v.verdict === 'not_run')
    .map((v) => `${v.item.id} not run: ${v.reasons[0] ?? ''}`)
  return { ok: reasons.length === 0, reasons, notRun, differences }
}
