import type { Verdict } from './coverage.ts'
import { esc } from './escape.ts'
import { WORDS } from './i18n.ts'
import { acceptedLines, type ReportModel, reliabilitySummary, stamp, trendSummary } from './pm-report.ts'
import { STYLE } from './pm-report-style.ts'
import { flowSvg } from './svg/flow.ts'
import { latencySvg } from './svg/latency.ts'
import { shiftText, trendSvg } from './svg/trend.ts'
import { type Mark, verdictBadge, verdictMark } from './svg/verdict-mark.ts'

/**
 * The PM report as one self-contained HTML page: verdicts drawn (shape, colour and word: no emoji, no
 * font needed), the guide walk, latency and trend as inline SVG, no external file of any kind.
 */
export function renderHtml(m: ReportModel): string {
  const w = WORDS[m.lang]
  const word = (v: Mark) => (v === 'differs' ? w.differs : w.verdict[v])
  const badge = (v: Mark) => verdictBadge(v, word(v))
  const row = (cells: string[], tag = 'td', cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`
  const table = (head: string[], rows: Array<{ cells: string[]; cls?: string }>) =>
    `<table><thead>${row(head.map(esc), 'th')}</thead><tbody>${rows.map((r) => row(r.cells, 'td', r.cls)).join('')}</tbody></table>`
  const chip = (v: Mark, text: string) =>
    `<span class="chip v-${v}">${verdictMark(v)}<span>${esc(text)}</span><span class="word">${esc(word(v))}</span></span>`
  const count = (v: Mark, n: number) =>
    `<span class="chip v-${v}">${verdictMark(v)}<b>${n}</b><span class="word">${esc(word(v))}</span></span>`

  const shifts = m.trend.shifts.map(
    (s) => `<span class="${s.worse ? 'worse' : 'better'}">${esc(shiftText(s, w.trend))}</span>`,
  )
  const summary = `<section class="summary ${m.passed ? 'pass' : 'fail'}">
<div class="big">${verdictMark(m.passed ? 'passed' : 'failed', 40)}<span>${esc(m.passed ? w.summary.passed : w.summary.failed)}</span></div>
<div><p><strong>${esc(m.conclusion)}</strong></p>
<div class="chips"><span>${esc(w.summary.counts)}:</span>${count('passed', m.counts.passed)}${count('failed', m.counts.failed)}${count('not_run', m.counts.not_run)}${m.counts.uncovered ? count('uncovered', m.counts.uncovered) : ''}${m.differences.length ? count('differs', m.differences.length) : ''}</div>
${m.trend.runs.length ? `<p class="changes">${esc(w.summary.changes)}: ${shifts.length ? shifts.join(' · ') : esc(trendSummary(m))}</p>` : ''}
</div></section>`

  const perfCell = (v: Verdict | null) => (v ? badge(v) : '—')
  const body = [
    `<h1>${esc(w.title)}</h1>`,
    `<p class="meta">${esc(`${w.time}: ${stamp(m.meta.time)} · ${w.tester}: ${m.meta.tester} · ${w.environment}: ${m.meta.environment}`)}</p>`,
    summary,
    m.meta.accepted
      ? `<p><strong>${esc(w.accepted.title)}:</strong> ${acceptedLines(m).map(esc).join(' · ')}</p>`
      : '',
    `<p><strong>${esc(w.results)}:</strong></p><div class="chips">${m.results.map((r) => chip(r.verdict, r.label)).join('')}</div>`,
    `<h2>${esc(w.flow.title)}</h2>`,
    m.flow
      ? `<p class="note">${esc(w.flow.note)}</p>${flowSvg(m.flow, w.flow, m.judgeTiming)}`
      : `<p class="note">${esc(w.flow.missing)}</p>`,
    `<h2>${esc(w.performance)}</h2>`,
    m.latency.length ? `<h3>${esc(w.latency.title)}</h3>${latencySvg(m.latency, w.latency)}` : '',
    table(
      [w.perfTable.figure, w.perfTable.threshold, w.perfTable.measured, w.perfTable.result],
      m.perf.map((p) => ({
        cells: [esc(p.figure), esc(p.threshold), esc(p.measured), perfCell(p.verdict)],
        cls: p.verdict === 'failed' ? 'row-failed' : '',
      })),
    ),
    m.meta.benchReport ? `<p><a href="${esc(m.meta.benchReport)}">${esc(w.bench)}</a></p>` : '',
    `<h2>${esc(w.trend.title)}</h2>`,
    m.trend.runs.length
      ? `<p class="note">${esc(w.trend.note(m.trend.runs.length, m.trend.kind))}</p>${trendSvg(m.trend.runs, m.trend.shifts, w.trend)}`
      : `<p class="note">${esc(w.trend.none)}</p>`,
    `<h2>${esc(w.problems)}</h2>`,
    m.problems.length
      ? `<ul class="plain">${m.problems.map((p) => `<li>${badge(p.verdict)}<span><b>${esc(p.id)}</b> ${esc(p.text)}</span></li>`).join('')}</ul>`
      : `<p>${esc(w.none)}</p>`,
    m.notRun
      ? `<h2>${esc(w.notRun.title)}</h2><p class="note">${esc(w.notRunNote(m.notRun))}</p><ul class="plain">${m.notRunGroups
          .map(
            (g) =>
              `<li>${badge('not_run')}<span>${esc(g.reason)} <span class="ids">${esc(`${w.notRun.items(g.ids.length)}: ${g.ids.join(' ')}`)}</span></span></li>`,
          )
          .join('')}</ul>`
      : '',
    m.differences.length
      ? `<h2>${esc(w.differences.title)}</h2><p class="note">${esc(w.differences.note(m.differences.length))}</p>${m.differenceGroups
          .map(
            (g) =>
              `<h3>${verdictMark('differs')}${esc(w.differences.kinds[g.kind])} <span class="ids">${esc(w.differences.places(g.count))}</span></h3><ul class="diffs">${g.lines
                .map(
                  (l) =>
                    `<li><code>${esc(l.what)}</code>${l.places.length ? ` — ${esc(w.differences.seen)} ${esc(l.places.join('; '))}` : ''} <span class="ids">${esc(l.ids.join(' '))}</span></li>`,
                )
                .join('')}</ul>`,
          )
          .join('')}`
      : '',
    ...(m.reliability.length
      ? [
          `<h2>${esc(w.reliability.title)}</h2>`,
          `<p>${esc(reliabilitySummary(m.reliability, w))}</p>`,
          table(
            [w.table.id, w.reliability.scenario, w.table.result],
            m.reliability.map((r) => ({
              cells: [esc(r.id), esc(r.scenario), badge(r.verdict)],
              cls: `row-${r.verdict}`,
            })),
          ),
        ]
      : []),
    `<h2>${esc(w.conclusion)}</h2><p>${badge(m.passed ? 'passed' : 'failed')} ${esc(m.conclusion)}</p>`,
    `<p><a href="${esc(m.meta.allureReport)}">${esc(w.details)}</a></p>`,
    ...m.areas.map(
      (a) =>
        `<h2>${esc(a.name)}</h2>${table(
          [w.table.id, w.table.item, w.table.result, w.table.evidence],
          a.items.map((i) => ({
            cells: [
              esc(i.id),
              esc(i.title),
              `${badge(i.verdict)}${i.differs ? ` ${badge('differs')}` : ''}`,
              `<span class="evidence">${esc(i.evidence)}</span>`,
            ],
            cls: `row-${i.verdict}`,
          })),
        )}`,
    ),
  ].join('\n')
  return `<!doctype html>
<html lang="${m.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(w.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body>
${body}
</body></html>
`
}
