import type { Checklist } from './checklist.ts'
import type { ItemVerdict, Verdict } from './coverage.ts'
import type { DifferenceRow } from './differences.ts'
import { AREA_ZH, type Lang, WORDS } from './i18n.ts'
import { FIGURES, judgeFigure, type Perf } from './perf.ts'

/**
 * The one-page acceptance report in the guide's own template: time, tester, environment, a results line,
 * performance, problems, conclusion; then every checklist item with its verdict and evidence. One model,
 * rendered to Markdown and to HTML.
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
}

const MARK: Record<Verdict, string> = { passed: '✅', failed: '❌', not_run: '⏭', uncovered: '❔' }

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
  label: string
}

/** The checklist areas the reliability table shows (`npm run test:reliability`). */
export const RELIABILITY_AREAS: readonly string[] = ['REL', 'SEC', 'BAD']

export interface ReportModel {
  lang: Lang
  meta: ReportMeta
  results: Array<{ label: string; verdict: Verdict }>
  perf: PerfRow[]
  /** Every REL/SEC/BAD item with its verdict; empty (and the section left out) when there are none. */
  reliability: ReliabilityRow[]
  problems: string[]
  /** Where the deployment differs from the reference API: reported apart, never a failure here. */
  differences: DifferenceRow[]
  notRun: number
  conclusion: string
  passed: boolean
  areas: Array<{
    name: string
    items: Array<{ id: string; title: string; verdict: Verdict; label: string; evidence: string }>
  }>
}

function worst(verdicts: Verdict[]): Verdict {
  for (const v of ['failed', 'uncovered', 'not_run'] as const) if (verdicts.includes(v)) return v
  return verdicts.length ? 'passed' : 'uncovered'
}

function perfRows(perf: Perf, timing: string, w: (typeof WORDS)[Lang]): PerfRow[] {
  return FIGURES.map((f) => {
    const { measured, verdict } = judgeFigure(f, perf, timing)
    return {
      figure: w.figures[f.key],
      threshold: f.limit ?? w.reported,
      measured,
      verdict: verdict === 'passed' || verdict === 'failed' ? verdict : null,
    }
  })
}

export function buildReportModel(
  checklist: Checklist,
  verdicts: ItemVerdict[],
  perf: Perf,
  meta: ReportMeta,
  lang: Lang,
  differences: DifferenceRow[] = [],
): ReportModel {
  const w = WORDS[lang]
  const byId = new Map(verdicts.map((v) => [v.item.id, v]))
  const results = (Object.keys(GROUPS) as Array<keyof typeof GROUPS>).map((g) => ({
    label: w.groups[g],
    verdict: worst(GROUPS[g].map((id) => byId.get(id)?.verdict ?? 'uncovered')),
  }))
  const problems = verdicts
    .filter((v) => v.verdict === 'failed' || v.verdict === 'uncovered')
    .flatMap((v) => v.reasons.map((r) => `${v.item.id} ${MARK[v.verdict]} ${r}`))
  const notRun = verdicts.filter((v) => v.verdict === 'not_run').length
  const failedCount = verdicts.filter((v) => v.verdict === 'failed' || v.verdict === 'uncovered').length
  const passed = failedCount === 0
  const areas = Object.entries(checklist.areas).map(([code, name]) => ({
    name: lang === 'zh' ? (AREA_ZH[code] ?? name) : name,
    items: verdicts
      .filter((v) => v.item.area === code)
      .map((v) => ({
        id: v.item.id,
        title: v.item.title,
        verdict: v.verdict,
        label: `${MARK[v.verdict]} ${w.verdict[v.verdict]}`,
        evidence: v.verdict === 'passed' ? v.tests.map((t) => t.name).join('; ') : v.reasons.join('; '),
      })),
  }))
  const reliability = verdicts
    .filter((v) => RELIABILITY_AREAS.includes(v.item.area))
    .map((v) => ({
      id: v.item.id,
      scenario: v.item.title,
      verdict: v.verdict,
      label: `${MARK[v.verdict]} ${w.verdict[v.verdict]}`,
    }))
  return {
    lang,
    meta,
    results,
    perf: perfRows(perf, meta.timing, w),
    reliability,
    problems,
    differences,
    notRun,
    conclusion: passed ? w.pass : w.fail(failedCount),
    passed,
    areas: areas.filter((a) => a.items.length > 0),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')
const stamp = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function renderMarkdown(m: ReportModel): string {
  const w = WORDS[m.lang]
  const mark = (v: Verdict | null) => (v ? MARK[v] : '—')
  const lines = [
    `## ${w.title}`,
    '',
    `${w.time}: ${stamp(m.meta.time)} · ${w.tester}: ${m.meta.tester} · ${w.environment}: ${m.meta.environment}`,
    '',
    `**${w.results}:** ${m.results.map((r) => `${r.label} ${MARK[r.verdict]}`).join(' · ')}`,
    '',
    `**${w.performance}:**`,
    '',
    `| ${w.perfTable.figure} | ${w.perfTable.threshold} | ${w.perfTable.measured} | ${w.perfTable.result} |`,
    '| --- | --- | --- | --- |',
    ...m.perf.map((p) => `| ${cell(p.figure)} | ${p.threshold} | ${p.measured} | ${mark(p.verdict)} |`),
    '',
    ...(m.meta.benchReport ? [`${w.bench}: [${m.meta.benchReport}](${m.meta.benchReport})`, ''] : []),
    ...(m.reliability.length
      ? [
          `**${w.reliability.title}:** ${reliabilitySummary(m.reliability, w)}`,
          '',
          `| ${w.table.id} | ${w.reliability.scenario} | ${w.table.result} |`,
          '| --- | --- | --- |',
          ...m.reliability.map((r) => `| ${r.id} | ${cell(r.scenario)} | ${r.label} |`),
          '',
        ]
      : []),
    `**${w.problems}:** ${m.problems.length ? '' : w.none}`,
    ...m.problems.map((p) => `- ${p}`),
    ...(m.notRun ? ['', `_${w.notRunNote(m.notRun)}_`] : []),
    ...(m.differences.length
      ? [
          '',
          `**${w.differences.title}:** ${w.differences.note(m.differences.length)}`,
          '',
          ...m.differences.map((d) => `- ${d.ids.join(' ')} ${cell(d.text)}`),
        ]
      : []),
    '',
    `**${w.conclusion}:** ${m.conclusion}`,
    '',
    `${w.details}: [${m.meta.allureReport}](${m.meta.allureReport})`,
  ]
  for (const area of m.areas) {
    lines.push('', `### ${area.name}`, '')
    lines.push(
      `| ${w.table.id} | ${w.table.item} | ${w.table.result} | ${w.table.evidence} |`,
      '| --- | --- | --- | --- |',
    )
    for (const i of area.items)
      lines.push(`| ${i.id} | ${cell(i.title)} | ${i.label} | ${cell(i.evidence)} |`)
  }
  return `${lines.join('\n')}\n`
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function renderHtml(m: ReportModel): string {
  const w = WORDS[m.lang]
  const mark = (v: Verdict | null) => (v ? MARK[v] : '—')
  const row = (cells: string[], tag = 'td') =>
    `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`
  const table = (head: string[], rows: string[][]) =>
    `<table><thead>${row(head.map(esc), 'th')}</thead><tbody>${rows.map((r) => row(r)).join('')}</tbody></table>`
  const body = [
    `<h1>${esc(w.title)}</h1>`,
    `<p>${esc(`${w.time}: ${stamp(m.meta.time)} · ${w.tester}: ${m.meta.tester} · ${w.environment}: ${m.meta.environment}`)}</p>`,
    `<p class="${m.passed ? 'pass' : 'fail'}"><strong>${esc(w.results)}:</strong> ${m.results.map((r) => esc(`${r.label} ${MARK[r.verdict]}`)).join(' · ')}</p>`,
    `<h2>${esc(w.performance)}</h2>`,
    table(
      [w.perfTable.figure, w.perfTable.threshold, w.perfTable.measured, w.perfTable.result],
      m.perf.map((p) => [esc(p.figure), esc(p.threshold), esc(p.measured), mark(p.verdict)]),
    ),
    m.meta.benchReport ? `<p><a href="${esc(m.meta.benchReport)}">${esc(w.bench)}</a></p>` : '',
    ...(m.reliability.length
      ? [
          `<h2>${esc(w.reliability.title)}</h2>`,
          `<p>${esc(reliabilitySummary(m.reliability, w))}</p>`,
          table(
            [w.table.id, w.reliability.scenario, w.table.result],
            m.reliability.map((r) => [esc(r.id), esc(r.scenario), esc(r.label)]),
          ),
        ]
      : []),
    `<h2>${esc(w.problems)}</h2>`,
    m.problems.length
      ? `<ul>${m.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`
      : `<p>${esc(w.none)}</p>`,
    m.notRun ? `<p><em>${esc(w.notRunNote(m.notRun))}</em></p>` : '',
    m.differences.length
      ? `<h2>${esc(w.differences.title)}</h2><p>${esc(w.differences.note(m.differences.length))}</p><ul>${m.differences
          .map((d) => `<li>${esc(`${d.ids.join(' ')} ${d.text}`)}</li>`)
          .join('')}</ul>`
      : '',
    `<h2>${esc(w.conclusion)}</h2><p class="${m.passed ? 'pass' : 'fail'}">${esc(m.conclusion)}</p>`,
    `<p><a href="${esc(m.meta.allureReport)}">${esc(w.details)}</a></p>`,
    ...m.areas.map(
      (a) =>
        `<h2>${esc(a.name)}</h2>${table(
          [w.table.id, w.table.item, w.table.result, w.table.evidence],
          a.items.map((i) => [esc(i.id), esc(i.title), esc(i.label), esc(i.evidence)]),
        )}`,
    ),
  ].join('\n')
  return `<!doctype html>
<html lang="${m.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(w.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #e5e7eb}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}.pass{color:#047857}.fail{color:#b91c1c}
</style></head><body>
${body}
</body></html>
`
}

/** "11 of 12 scenarios passed", over the reliability rows. */
function reliabilitySummary(rows: ReliabilityRow[], w: (typeof WORDS)[Lang]): string {
  return w.reliability.summary(rows.filter((r) => r.verdict === 'passed').length, rows.length)
}
