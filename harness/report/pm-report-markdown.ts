import type { Verdict } from './coverage.ts'
import { WORDS } from './i18n.ts'
import { acceptedLines, type ReportModel, reliabilitySummary, stamp, trendSummary } from './pm-report.ts'
import { FLOW_POINTS, measureSpans, pointMs } from './svg/flow.ts'
import { shiftText } from './svg/trend.ts'

/** The PM report as Markdown: the HTML version's content, its verdicts as emoji, its pictures as tables. */
const MARK: Record<Verdict, string> = { passed: '✅', failed: '❌', not_run: '⏭', uncovered: '❔' }
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 1000 ? 2 : 1)
const num = (v: number | undefined, digits: number) => (v === undefined ? '—' : v.toFixed(digits))

export function renderMarkdown(m: ReportModel): string {
  const w = WORDS[m.lang]
  const mark = (v: Verdict | null) => (v ? MARK[v] : '—')
  const label = (v: Verdict) => `${MARK[v]} ${w.verdict[v]}`
  const table = (head: string[], rows: string[][]) => [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ]
  const { counts } = m
  const shifts = m.trend.shifts.map((s) => shiftText(s, w.trend))
  const lines = [
    `## ${w.title}`,
    '',
    `${w.time}: ${stamp(m.meta.time)} · ${w.tester}: ${m.meta.tester} · ${w.environment}: ${m.meta.environment}`,
    '',
    `**${m.passed ? w.summary.passed : w.summary.failed}** · ${w.summary.counts}: ${MARK.passed} ${counts.passed} ${w.verdict.passed} · ${MARK.failed} ${counts.failed} ${w.verdict.failed} · ${MARK.not_run} ${counts.not_run} ${w.verdict.not_run} · ${MARK.uncovered} ${counts.uncovered} ${w.verdict.uncovered} · ⚠️ ${m.differences.length} ${w.differs}`,
    '',
    ...(m.trend.runs.length
      ? [`${w.summary.changes}: ${shifts.length ? shifts.join(' · ') : trendSummary(m)}`, '']
      : []),
    ...(m.meta.accepted ? [`**${w.accepted.title}:** ${acceptedLines(m).join(' · ')}`, ''] : []),
    `**${w.results}:** ${m.results.map((r) => `${r.label} ${MARK[r.verdict]}`).join(' · ')}`,
    '',
    `**${w.flow.title}:**${m.flow ? '' : ` ${w.flow.missing}`}`,
    ...(m.flow ? ['', ...flowTables(m)] : []),
    '',
    `**${w.performance}:**`,
    '',
    ...table(
      [w.perfTable.figure, w.perfTable.threshold, w.perfTable.measured, w.perfTable.result],
      m.perf.map((p) => [p.figure, p.threshold, p.measured, mark(p.verdict)]),
    ),
    '',
    ...(m.meta.benchReport ? [`${w.bench}: [${m.meta.benchReport}](${m.meta.benchReport})`, ''] : []),
    `**${w.trend.title}:** ${m.trend.runs.length ? w.trend.note(m.trend.runs.length, m.trend.kind) : w.trend.none}`,
    ...(m.trend.runs.length
      ? [
          '',
          ...table(
            [
              w.trend.table.commit,
              w.trend.table.passRate,
              `${w.trend.series.generation_s} (${w.trend.units.s})`,
              `${w.trend.series.click_to_playing_s} (${w.trend.units.s})`,
              `${w.trend.series.api_get_p95_ms} (${w.trend.units.ms})`,
              `${w.trend.series.api_generate_p95_ms} (${w.trend.units.ms})`,
            ],
            m.trend.runs.map((r) => [
              r.commit ?? w.trend.unknownCommit,
              r.passRate === undefined ? '—' : `${r.passRate.toFixed(1)} %`,
              num(r.generation_s, 1),
              num(r.click_to_playing_s, 1),
              num(r.api_get_p95_ms, 1),
              num(r.api_generate_p95_ms, 1),
            ]),
          ),
        ]
      : []),
    '',
    ...(m.reliability.length
      ? [
          `**${w.reliability.title}:** ${reliabilitySummary(m.reliability, w)}`,
          '',
          ...table(
            [w.table.id, w.reliability.scenario, w.table.result],
            m.reliability.map((r) => [r.id, r.scenario, label(r.verdict)]),
          ),
          '',
        ]
      : []),
    `**${w.problems}:** ${m.problems.length ? '' : w.none}`,
    ...m.problems.map((p) => `- ${p.id} ${MARK[p.verdict]} ${p.text}`),
    ...(m.notRun
      ? [
          '',
          `**${w.notRun.title}:** _${w.notRunNote(m.notRun)}_`,
          '',
          ...m.notRunGroups.map(
            (g) => `- ${MARK.not_run} ${g.reason} (${w.notRun.items(g.ids.length)}: ${g.ids.join(' ')})`,
          ),
        ]
      : []),
    ...(m.differences.length
      ? [
          '',
          `**${w.differences.title}:** ${w.differences.note(m.differences.length)}`,
          ...m.differenceGroups.flatMap((g) => [
            '',
            `*${w.differences.kinds[g.kind]} (${g.count})*`,
            '',
            ...g.lines.map(
              (l) =>
                `- ⚠️ ${cell(l.what)}${l.places.length ? ` — ${w.differences.seen} ${cell(l.places.join('; '))}` : ''} (${l.ids.join(' ')})`,
            ),
          ]),
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
      ...table(
        [w.table.id, w.table.item, w.table.result, w.table.evidence],
        area.items.map((i) => [
          i.id,
          i.title,
          `${label(i.verdict)}${i.differs ? ` · ⚠️ ${w.differs}` : ''}`,
          i.evidence,
        ]),
      ),
    )
  }
  return `${lines.join('\n')}\n`
}

function flowTables(m: ReportModel): string[] {
  const w = WORDS[m.lang].flow
  const flow = m.flow!
  const points = FLOW_POINTS.map((p) => {
    const t = pointMs(flow, p)
    return `${w.points[p]} ${t === undefined ? w.notRecorded : w.seconds(seconds(t))}`
  })
  const spans = measureSpans(flow, m.judgeTiming).map(({ span, ms, mark }) => [
    w.spans[span.key],
    ms === undefined ? w.notRecorded : w.seconds(seconds(ms)),
    w.guideFigures[span.key],
    mark ? MARK[mark as Verdict] : '—',
  ])
  return [
    points.join(' → '),
    '',
    `| ${w.table.span} | ${w.table.measured} | ${w.table.guide} | |`,
    '| --- | --- | --- | --- |',
    ...spans.map((r) => `| ${r.join(' | ')} |`),
  ]
}
