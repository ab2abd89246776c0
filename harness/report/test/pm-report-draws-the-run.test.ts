import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import type { Lang } from '../i18n.ts'
import { buildReportModel, type ReportMeta } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { renderMarkdown } from '../pm-report-markdown.ts'
import type { TrendRun } from '../run-history.ts'
import { fakeResult } from './fake-result.ts'

/** The report's pictures, made from what the run recorded, in both languages. */
const checklist: Checklist = {
  areas: { FE: 'Frontend' },
  items: [{ id: 'FE-06', area: 'FE', title: 'Plays' }],
}
const verdicts = evaluateCoverage(checklist, [fakeResult('e2e')('plays @FE-06', 'passed')])
const perf = {
  api_get_video: { p50_ms: 0.5, p95_ms: 9.8, p99_ms: 12 },
  api_generate: { p50_ms: 3.3, p95_ms: 6.4, p99_ms: 9 },
  guide_flow: {
    created_ms: 75,
    processing_ms: 384,
    completed_ms: 10_539,
    shown_ms: 10_591,
    playing_ms: 11_020,
  },
}
const run = (commit: string, p95: number): TrendRun => ({
  commit,
  at: 0,
  passRate: 100,
  generation_s: 10.1,
  click_to_playing_s: 11,
  api_get_p95_ms: p95,
  api_generate_p95_ms: 6.4,
})
const runs = [run('c1', 2.1), run('c2', 2.3), run('c3', 2.2), run('4a54359', 9.8)]
const meta: ReportMeta = {
  time: new Date(2026, 11, 6, 9, 0),
  tester: 'QA',
  environment: 'Linux',
  timing: 'strict',
  allureReport: 'allure-report/index.html',
  accepted: {
    commit: 'abc1234',
    target: { apiUrl: 'http://api', webUrl: undefined, told: ['commit 9f8e7d6 (/health)'] },
  },
}
const report = (lang: Lang) => buildReportModel(checklist, verdicts, perf, meta, lang, [], runs)

describe('the PM report draws the run', () => {
  it('holds the flow, the latency bars and the trend, and names the change in its summary', () => {
    const html = renderHtml(report('en'))
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3)
    expect(html).toContain('One generation, click to playing')
    expect(html).toContain('100 ms: the guide’s limit')
    expect(html).toMatch(
      /class="summary pass">.*Across runs: <span class="worse">p95 GET 2.2 → 9.8 ms since 4a54359/s,
    )
    expect(html).toContain(
      'the deployment at http://api (no web: browser tests skipped) · it says: commit 9f8e7d6 (/health) · tests from commit abc1234',
    )
    const md = renderMarkdown(report('en'))
    expect(md).toContain('Across runs: p95 GET 2.2 → 9.8 ms since 4a54359')
    expect(md).toContain('| Generation | 10.2 s | guide: 10 s | ✅ |')
  })

  it('says it all in Chinese too', () => {
    const html = renderHtml(report('zh'))
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3)
    for (const words of [
      '一次生成：从点击到播放',
      '100 毫秒：指南上限',
      '最近几次运行的趋势',
      'p95 GET 2.2 → 9.8 毫秒 自 4a54359 起',
      '验收对象',
    ])
      expect(html).toContain(words)
    expect(html).toContain('<span>通过</span>')
  })

  it('says when the run recorded no guide walk and no history yet, instead of drawing nothing', () => {
    const html = renderHtml(buildReportModel(checklist, verdicts, {}, meta, 'en'))
    expect(html).toContain('not measured in this run')
    expect(html).toContain('No run recorded yet')
  })
})
