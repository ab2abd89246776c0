import type { Checklist } from './checklist.ts'
import type { ItemVerdict, Verdict } from './coverage.ts'
import { type DifferenceGroup, groupDifferences } from './difference-kinds.ts'
import type { DifferenceRow } from './differences.ts'
import { AREA_ZH, type Lang, WORDS, type Words } from './i18n.ts'
import { type NotRunGroup, notRunGroups } from './not-run.ts'
import { FIGURES, type GuideFlow, judgeFigure, type Perf } from './perf.ts'
import type { TrendRun } from './run-history.ts'
import type { LatencyRow } from './svg/latency.ts'
import { type NamedShift, trendShifts } from './svg/trend.ts'

/**
 * The one-page acceptance report in the guide's own template: time, tester, environment, a results line,
 * performance, problems, conclusion; around it what was accepted, the guide walk on a time axis, the
 * API's latency, the trend of the last runs, what was not run and the differences from the reference;
 * then every checklist item with its verdict and evidence. One model, rendered to Markdown
 * (pm-report-markdown.ts) and to HTML (pm-report-html.ts, printed to PDF by pdf.ts).
 */
export interface ReportMeta {
  time: Date
  tester: string
  environment: string
  /** `strict` (the guide's 10 s) or `fast`: timing limits are judged only in strict. */
  timing: string
  /** Where the QA report is, as the PM should open it (relative to the report). */
  allureReport: string
  /** `npm run bench`'s table (relative to the report), when one was written. */
  benchReport?: string | undefined
  accepted?: Accepted | undefined
}

export interface Accepted {
  /** The commit the tests ran from (and, on the local stack, the system too). */
  commit: string
  /** Target mode: the deployment, and what it says it is. */
  target?: { apiUrl: string; webUrl: string | undefined; told: string[] } | undefined
}

/** The guide's results line: each word stands for the items that prove it. */
const GROUPS = {
  services: ['OK-01'],
  login: ['FE-01'],
  image: ['FE-02'],
  generation: ['BE-01', 'BE-02', 'BE-03', 'BE-04', 'BE-06', 'BE-07', 'OK-03', 'OK-05'],
  logs: ['FE-05', 'BE-05', 'OK-04'],
  playback: ['FE-06', 'FE-07', 'OK-06'],
  credits: ['FE-08', 'OK-07'],
} as const

export interface PerfRow {
  figure: string
  threshold: string
  measured: string
  verdict: Verdict | null
}

/** One row of the reliability table: a fault, attack or bad-input scenario and how it went. */
export interface ReliabilityRow {
  id: string
  scenario: string
  verdict: Verdict
}

/** A failed or untested item, with why. */
export interface Problem {
  id: string
  verdict: Verdict
  text: string
}

/** The checklist areas the reliability table shows (`npm run test:reliability`). */
export const RELIABILITY_AREAS: readonly string[] = ['REL', 'SEC', 'BAD']

/** How many runs the trend shows. */
export const TREND_RUNS = 10

export interface ReportModel {
  lang: Lang
  meta: ReportMeta
  results: Array<{ label: string; verdict: Verdict }>
  /** Checklist items per verdict. */
  counts: Record<Verdict, number>
  perf: PerfRow[]
  latency: LatencyRow[]
  /** The guide walk's points (perf.json `guide_flow`), when the browser suite ran it. */
  flow: GuideFlow | undefined
  /** Timing figures are judged only in the guide's strict timing. */
  judgeTiming: boolean
  trend: { runs: TrendRun[]; shifts: NamedShift[]; kind: string }
  /** Every REL/SEC/BAD item with its verdict; empty (and the section left out) when there are none. */
  reliability: ReliabilityRow[]
  problems: Problem[]
  /** Where the deployment differs from the reference API: reported apart, never a failure here. */
  differences: DifferenceRow[]
  differenceGroups: DifferenceGroup[]
  notRun: number
  notRunGroups: NotRunGroup[]
  conclusion: string
  passed: boolean
  areas: Array<{
    name: string
    /** `differs`: a test of the item saw the deployment differ from the reference (listed apart). */
    items: Array<{ id: string; title: string; verdict: Verdict; differs: boolean; evidence: string }>
  }>
}

function worst(verdicts: Verdict[]): Verdict {
  for (const v of ['failed', 'uncovered', 'not_run'] as const) if (verdicts.includes(v)) return v
  return verdicts.length ? 'passed' : 'uncovered'
}

const judged = (v: string): Verdict | null => (v === 'passed' || v === 'failed' ? v : null)

function perfRows(perf: Perf, timing: string, w: Words): PerfRow[] {
  return FIGURES.map((f) => {
    const { measured, verdict } = judgeFigure(f, perf, timing)
    return { figure: w.figures[f.key], threshold: f.limit ?? w.reported, measured, verdict: judged(verdict) }
  })
}

function latencyRows(perf: Perf, timing: string, w: Words): LatencyRow[] {
  const keys = [
    ['apiGet', perf.api_get_video],
    ['apiGenerate', perf.api_generate],
    ['loadMixed', perf.load_mixed],
  ] as const
  return keys.flatMap(([key, l]) => {
    if (!l) return []
    const figure = FIGURES.find((f) => f.key === key)!
    const verdict = judged(judgeFigure(figure, perf, timing).verdict)
    return [
      {
        label: w.latency.endpoints[key],
        p50_ms: l.p50_ms,
        p95_ms: l.p95_ms,
        p99_ms: l.p99_ms,
        mark: verdict ?? undefined,
      },
    ]
  })
}

export function buildReportModel(
  checklist: Checklist,
  verdicts: ItemVerdict[],
  perf: Perf,
  meta: ReportMeta,
  lang: Lang,
  differences: DifferenceRow[] = [],
  runs: TrendRun[] = [],
): ReportModel {
  const w = WORDS[lang]
  const byId = new Map(verdicts.map((v) => [v.item.id, v]))
  const results = (Object.keys(GROUPS) as Array<keyof typeof GROUPS>).map((g) => ({
    label: w.groups[g],
    verdict: worst(GROUPS[g].map((id) => byId.get(id)?.verdict ?? 'uncovered')),
  }))
  const problems = verdicts
    .filter((v) => v.verdict === 'failed' || v.verdict === 'uncovered')
    .flatMap((v) => v.reasons.map((text) => ({ id: v.item.id, verdict: v.verdict, text })))
  const count = (v: Verdict) => verdicts.filter((x) => x.verdict === v).length
  const counts = {
    passed: count('passed'),
    failed: count('failed'),
    not_run: count('not_run'),
    uncovered: count('uncovered'),
  }
  const failedCount = counts.failed + counts.uncovered
  const passed = failedCount === 0
  const differing = new Set(differences.flatMap((d) => d.ids))
  const areas = Object.entries(checklist.areas).map(([code, name]) => ({
    name: lang === 'zh' ? (AREA_ZH[code] ?? name) : name,
    items: verdicts
      .filter((v) => v.item.area === code)
      .map((v) => ({
        id: v.item.id,
        title: v.item.title,
        verdict: v.verdict,
        differs: differing.has(v.item.id),
        // A passed item's evidence is the tests that passed: a skipped one beside them proves nothing.
        evidence:
          v.verdict === 'passed'
            ? v.tests
                .filter((t) => t.status === 'passed')
                .map((t) => t.name)
                .join('; ')
            : v.reasons.join('; '),
      })),
  }))
  const reliability = verdicts
    .filter((v) => RELIABILITY_AREAS.includes(v.item.area))
    .map((v) => ({ id: v.item.id, scenario: v.item.title, verdict: v.verdict }))
  const target = meta.accepted?.target
  const trendRuns = runs.slice(-TREND_RUNS)
  return {
    lang,
    meta,
    results,
    counts,
    perf: perfRows(perf, meta.timing, w),
    latency: latencyRows(perf, meta.timing, w),
    flow: perf.guide_flow,
    judgeTiming: meta.timing === 'strict',
    trend: {
      runs: trendRuns,
      shifts: trendShifts(trendRuns),
      kind: `${meta.timing}, ${target ? target.apiUrl : 'local'}`,
    },
    reliability,
    problems,
    differences,
    differenceGroups: groupDifferences(differences),
    notRun: counts.not_run,
    notRunGroups: notRunGroups(verdicts),
    conclusion: passed ? w.pass : w.fail(failedCount),
    passed,
    areas: areas.filter((a) => a.items.length > 0),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')
export const stamp = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`

/** "11 of 12 scenarios passed", over the reliability rows. */
export function reliabilitySummary(rows: ReliabilityRow[], w: Words): string {
  return w.reliability.summary(rows.filter((r) => r.verdict === 'passed').length, rows.length)
}

/** What was accepted, as one sentence per fact. */
export function acceptedLines(m: ReportModel): string[] {
  const w = WORDS[m.lang].accepted
  const a = m.meta.accepted
  if (!a) return []
  if (!a.target) return [w.local(a.commit)]
  return [
    w.target(a.target.apiUrl, a.target.webUrl),
    a.target.told.length ? w.told(a.target.told.join('; ')) : w.toldNothing,
    w.harness(a.commit),
  ]
}

/** The summary's line on the trend when no change is named. */
export function trendSummary(m: ReportModel): string {
  const w = WORDS[m.lang].summary
  const n = m.trend.runs.length
  return n > 3 ? w.noChange(n) : w.tooFew(n)
}
