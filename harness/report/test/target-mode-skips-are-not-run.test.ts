import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { evaluateGate } from '../gate.ts'
import { buildReportModel } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { renderMarkdown } from '../pm-report-markdown.ts'
import { fakeResult } from './fake-result.ts'

/** A target-mode run: what needs stack control was skipped with its reason, the rest passed. */
const checklist: Checklist = {
  areas: { FE: 'Frontend', REL: 'Reliability' },
  items: [
    { id: 'FE-01', area: 'FE', title: 'Sign-in shows 100.0' },
    { id: 'REL-03', area: 'REL', title: 'Redis restart recovers' },
  ],
}
const REASON = 'needs stack control (database, queue, logs, disk or extra processes): not available'
const t = fakeResult('reliability')
const verdicts = evaluateCoverage(checklist, [
  t('signs in @FE-01', 'passed'),
  t('survives a Redis restart @REL-03', 'skipped', REASON),
])
const meta = {
  time: new Date(2026, 10, 27, 10, 0),
  tester: 'QA',
  environment: 'target http://127.0.0.1:8000',
  timing: 'strict',
  allureReport: 'allure-report/index.html',
}

describe('a target-mode run', () => {
  it('lets the gate pass with the skipped item counted as not run, never as failed', () => {
    const gate = evaluateGate({ verdicts, junit: [], perf: {}, timing: 'strict', unknownIds: [] })
    expect(gate).toEqual({
      ok: true,
      reasons: [],
      notRun: [`REL-03 not run: survives a Redis restart @REL-03: ${REASON}`],
      differences: [],
    })
  })

  it('shows the skipped item in the PM report as "not run" with its reason', () => {
    const md = renderMarkdown(buildReportModel(checklist, verdicts, {}, meta, 'en'))
    expect(md).toMatch(/\| REL-03 \| Redis restart recovers \| ⏭ not run \|.*needs stack control/)
    expect(md).toContain(
      '1 item(s) not run here (needing stack control, not offered by the target, or left out of the run; each says why): not counted as passed.',
    )
    expect(md).not.toMatch(/REL-03[^\n]*✅/)
    const html = renderHtml(buildReportModel(checklist, verdicts, {}, meta, 'en'))
    expect(html).toContain(
      `<span>not run</span></span></td><td><span class="evidence">survives a Redis restart @REL-03: ${REASON}`,
    )
    expect(html, 'no emoji in the HTML: a font may lack them').not.toContain('⏭')
    // Grouped by reason under "Not run, and why".
    expect(html).toMatch(/<h2>Not run, and why<\/h2>.*needs stack control.*1 item\(s\): REL-03/s)
  })

  it('says the same in Chinese', () => {
    const md = renderMarkdown(buildReportModel(checklist, verdicts, {}, meta, 'zh'))
    expect(md).toMatch(/\| REL-03 \| Redis restart recovers \| ⏭ 未运行 \|/)
    expect(md).toContain('1 项在此未运行（需要控制测试栈、目标未提供或本次未包含，各有原因），不计为通过。')
  })
})
