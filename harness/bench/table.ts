/**
 * `npm run bench`'s figures as data, and the pure functions that judge them and render the table:
 * figure, target, measured min/median/max over the runs, ratio to the guide's figure, ✅/❌.
 */
export type Comparison = '<' | '<=' | '>='

/** A bound on a number in the figure's unit, e.g. `{ op: '<=', value: 10 }` for "p95 ≤ 10 ms". */
export interface Bound {
  op: Comparison
  value: number
}

export interface BenchFigure {
  /** The group it belongs to (API, push vs poll, …): one module of harness/bench each. */
  group: string
  name: string
  unit: string
  /** Our target (an order of magnitude better than the guide's, mostly); none = reported only. */
  target: Bound | null
  /** The guide's own figure for the same quantity, when it has one: the ratio's denominator. */
  guide: Bound | null
  /** One value per run. */
  runs: number[]
  /** How it was measured, or why it was not. */
  note?: string
}

export type BenchVerdict = 'passed' | 'failed' | 'reported' | 'not_measured'

export interface Summary {
  min: number
  median: number
  max: number
}

export interface JudgedFigure extends BenchFigure {
  summary: Summary | null
  /** median / guide figure; null without a guide figure or a measurement. */
  ratio: number | null
  verdict: BenchVerdict
}

export function summarise(values: readonly number[]): Summary | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (finite.length === 0) return null
  const mid = Math.floor(finite.length / 2)
  const median = finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2
  return { min: finite[0]!, median, max: finite[finite.length - 1]! }
}

export function meets(value: number, bound: Bound): boolean {
  switch (bound.op) {
    case '<':
      return value < bound.value
    case '<=':
      return value <= bound.value
    case '>=':
      return value >= bound.value
  }
}

/**
 * A figure passes when its worst run meets the target (max for an upper bound, min for a lower one):
 * one bad run of three is a miss, not noise to be averaged away. A run that measured nothing (NaN)
 * fails the figure.
 */
export function judge(figure: BenchFigure): JudgedFigure {
  const summary = summarise(figure.runs)
  const ratio =
    summary && figure.guide && figure.guide.value !== 0 ? summary.median / figure.guide.value : null
  let verdict: BenchVerdict
  if (!summary) verdict = 'not_measured'
  else if (!figure.target) verdict = 'reported'
  else if (figure.runs.some((v) => !Number.isFinite(v))) verdict = 'failed'
  else
    verdict = meets(figure.target.op === '>=' ? summary.min : summary.max, figure.target)
      ? 'passed'
      : 'failed'
  return { ...figure, summary, ratio, verdict }
}

const OP_TEXT: Record<Comparison, string> = { '<': '<', '<=': '≤', '>=': '≥' }

/** `12.3` for numbers under 100, `1234` above: the table's one number format. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—'
  const abs = Math.abs(n)
  if (abs >= 100) return Math.round(n).toString()
  if (abs >= 10) return n.toFixed(1)
  return n.toFixed(2)
}

export function formatBound(bound: Bound | null, unit: string): string {
  return bound ? `${OP_TEXT[bound.op]} ${formatNumber(bound.value)} ${unit}` : '—'
}

export const MARK: Record<BenchVerdict, string> = {
  passed: '✅',
  failed: '❌',
  reported: 'ℹ️',
  not_measured: '⏭',
}

/** One line for the console as a figure finishes. */
export function consoleLine(f: JudgedFigure): string {
  const measured = f.summary
    ? `${formatNumber(f.summary.min)} / ${formatNumber(f.summary.median)} / ${formatNumber(f.summary.max)} ${f.unit}`
    : 'not measured'
  return `${MARK[f.verdict]} ${f.group} · ${f.name}: ${measured} (min/median/max of ${f.runs.length}; target ${formatBound(f.target, f.unit)})${f.note ? ` — ${f.note}` : ''}`
}

export interface MachineInfo {
  cpus: number
  cpuModel: string
  memoryGb: number
  node: string
  platform: string
  /** os.loadavg() when the bench started: 1, 5 and 15 minutes. */
  loadAverage: [number, number, number]
}

export interface BenchReport {
  startedAt: string
  wallS: number
  mode: 'full' | 'quick'
  machine: MachineInfo
  figures: JudgedFigure[]
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ')

/** reports/bench.md: machine info, then the table, then the notes. */
export function renderMarkdown(r: BenchReport): string {
  const m = r.machine
  const passed = r.figures.filter((f) => f.verdict === 'passed').length
  const judged = r.figures.filter((f) => f.verdict === 'passed' || f.verdict === 'failed').length
  const lines = [
    '# Benchmark: the guide’s figures',
    '',
    `${r.startedAt} · ${r.mode === 'quick' ? '**quick mode (BENCH_QUICK=1): short runs, not comparable**' : 'full run'} · wall time ${r.wallS.toFixed(0)} s · ${passed}/${judged} targets met`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel} · ${m.memoryGb.toFixed(1)} GB · Node ${m.node} · ${m.platform} · load average at start ${m.loadAverage.map((l) => l.toFixed(2)).join(' / ')}`,
    '',
    '| group | figure | target | min | median | max | runs | guide | ratio to guide | result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.figures.map((f) => {
      const s = f.summary
      const num = (n: number | undefined) => (n === undefined ? '—' : `${formatNumber(n)} ${f.unit}`)
      return `| ${cell(f.group)} | ${cell(f.name)} | ${formatBound(f.target, f.unit)} | ${num(s?.min)} | ${num(s?.median)} | ${num(s?.max)} | ${f.runs.length} | ${formatBound(f.guide, f.unit)} | ${f.ratio === null ? '—' : `${formatNumber(f.ratio)}×`} | ${MARK[f.verdict]} |`
    }),
    '',
    'A figure passes when its worst run meets the target. Ratio = median ÷ the guide’s figure (below 1 is better for a time, above 1 for a rate).',
  ]
  const notes = r.figures.filter((f) => f.note)
  if (notes.length)
    lines.push('', '## Notes', '', ...notes.map((f) => `- **${f.group} · ${f.name}**: ${f.note}`))
  return `${lines.join('\n')}\n`
}
