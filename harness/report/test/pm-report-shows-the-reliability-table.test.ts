import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { buildReportModel } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { renderMarkdown } from '../pm-report-markdown.ts'
import { fakeResult } from './fake-result.ts'

const checklist: Checklist = {
  areas: { BE: 'Backend', REL: 'Reliability', SEC: 'Security', BAD: 'Bad input' },
  items: [
    { id: 'BE-01', area: 'BE', title: 'API receives generate' },
    { id: 'REL-01', area: 'REL', title: 'A worker killed mid-generation: resumed, charged once' },
    { id: 'REL-05', area: 'REL', title: 'A failed Sora job is refunded once' },
    { id: 'SEC-06', area: 'SEC', title: 'reference_image_url at a loopback address: 422 | no request' },
    { id: 'BAD-09', area: 'BAD', title: 'A 1 MB JSON body: 413' },
  ],
}
const t = fakeResult('reliability')
const meta = {
  time: new Date(2026, 10, 27, 10, 0),
  tester: 'PM',
  environment: 'Linux / Node.js 20',
  timing: 'fast',
  allureReport: 'allure-report/index.html',
}
const results = [
  t('generate @BE-01', 'passed'),
  t('worker killed @REL-01', 'passed'),
  t('sora failed @REL-05', 'failed', 'expected 90 to be 100'),
  t('ssrf @SEC-06', 'skipped', 'needs stack control'),
]

describe('the PM report’s reliability table', () => {
  it('lists every REL, SEC and BAD scenario with its result and counts how many passed', () => {
    const md = renderMarkdown(
      buildReportModel(checklist, evaluateCoverage(checklist, results), {}, meta, 'en'),
    )
    expect(md).toContain('**Reliability, security and bad input:** 1 of 4 scenarios passed')
    expect(md).toContain('| ID | Scenario | Result |')
    expect(md).toContain('| REL-01 | A worker killed mid-generation: resumed, charged once | ✅ passed |')
    expect(md).toContain('| REL-05 | A failed Sora job is refunded once | ❌ failed |')
    expect(md).toContain(
      '| SEC-06 | reference_image_url at a loopback address: 422 \\| no request | ⏭ not run',
    )
    expect(md).toContain('| BAD-09 | A 1 MB JSON body: 413 | ❔ no test |')
    // Only the three areas: the guide's own items stay in their own tables.
    const table = md.slice(md.indexOf('| ID | Scenario |'), md.indexOf('**Problems:**'))
    expect(table).not.toContain('BE-01')
  })

  it('is in Chinese with REPORT_LANG=zh, and in the HTML version, escaped', () => {
    const zh = buildReportModel(checklist, evaluateCoverage(checklist, results), {}, meta, 'zh')
    expect(renderMarkdown(zh)).toContain('**可靠性、安全与错误输入:** 4 个场景中 1 个通过')
    expect(renderMarkdown(zh)).toContain('| 编号 | 场景 | 结果 |')
    const html = renderHtml(buildReportModel(checklist, evaluateCoverage(checklist, results), {}, meta, 'en'))
    expect(html).toContain('<h2>Reliability, security and bad input</h2>')
    expect(html).toContain('<td>REL-01</td><td>A worker killed mid-generation: resumed, charged once</td>')
  })

  it('is left out when the checklist has no such items, and reports the mixed load with its limit', () => {
    const plain: Checklist = { areas: { BE: 'Backend' }, items: [checklist.items[0]!] }
    const model = buildReportModel(
      plain,
      evaluateCoverage(plain, results),
      {
        load_mixed: {
          p50_ms: 4,
          p95_ms: 120,
          p99_ms: 300,
          requests: 6000,
          errors: 0,
          rate_per_s: 200,
          duration_s: 30,
        },
      },
      meta,
      'en',
    )
    const md = renderMarkdown(model)
    expect(md).not.toContain('Reliability, security and bad input')
    expect(md).toMatch(
      /Mixed load, 200 requests\/s for 30 s \(p50 \/ p95 \/ p99\) \| p95 < 100 ms \| 4\.0 \/ 120\.0 \/ 300\.0 ms \| ❌/,
    )
  })
})
