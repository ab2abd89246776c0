import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { buildReportModel } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { renderMarkdown } from '../pm-report-markdown.ts'
import { fakeResult } from './fake-result.ts'

const checklist: Checklist = {
  areas: { FE: 'Frontend', BE: 'Backend' },
  items: [
    { id: 'FE-01', area: 'FE', title: 'Sign-in shows 100.0' },
    { id: 'FE-08', area: 'FE', title: 'Credits drop by 10 <at once>' },
    { id: 'BE-01', area: 'BE', title: 'API receives generate' },
  ],
}
const t = fakeResult('e2e')
const meta = {
  time: new Date(2026, 10, 27, 10, 0),
  tester: 'PM',
  environment: 'Linux / Node.js 20',
  timing: 'strict',
  allureReport: 'allure-report/index.html',
}
const perf = {
  api_get_video: { p50_ms: 3, p95_ms: 8, p99_ms: 12 },
  generation_s: 10.2,
  click_to_playing_s: 25.1,
}

describe('the PM report', () => {
  const green = buildReportModel(
    checklist,
    evaluateCoverage(checklist, [
      t('signs in @FE-01', 'passed'),
      t('credits @FE-08', 'passed'),
      t('201 @BE-01', 'passed'),
    ]),
    {},
    meta,
    'en',
  )

  it('follows the guide’s template and concludes it passed when every item is green', () => {
    const md = renderMarkdown(green)
    expect(md).toContain('## Mock Sora 2 API test report')
    expect(md).toContain('Test time: 2026-11-27 10:00 · Tester: PM · Environment: Linux / Node.js 20')
    expect(md).toContain('login ✅')
    expect(md).toContain('**Problems:** none')
    expect(md).toContain('**Conclusion:** mock API test passed')
    expect(md).toMatch(/\| FE-08 \| Credits drop by 10 <at once> \| ✅ passed \| credits @FE-08 \|/)
  })

  it('lists each failed item with its reason, marks the threshold it missed, and concludes it failed', () => {
    const red = buildReportModel(
      checklist,
      evaluateCoverage(checklist, [
        t('signs in @FE-01', 'passed'),
        t('credits @FE-08', 'failed', 'expected "100.0" to be "90.0"'),
      ]),
      perf,
      meta,
      'en',
    )
    const md = renderMarkdown(red)
    expect(md).toContain('- FE-08 ❌ credits @FE-08: expected "100.0" to be "90.0"')
    expect(md).toContain('- BE-01 ❔ no test names this item')
    expect(md).toContain('credit deduction ❌')
    expect(md).toMatch(/Click to playing \| < 20 s \| 25\.1 s \| ❌/)
    expect(md).toMatch(/Generation time \| 10 s ± 1\.5 s \| 10\.2 s \| ✅/)
    expect(md).toContain('**Conclusion:** mock API test failed: 2 item(s)')
    expect(red.passed).toBe(false)
  })

  it('speaks Chinese with REPORT_LANG=zh', () => {
    const md = renderMarkdown(buildReportModel(checklist, evaluateCoverage(checklist, []), {}, meta, 'zh'))
    expect(md).toContain('## Mock Sora 2 API 测试报告')
    expect(md).toContain('测试时间: 2026-11-27 10:00')
    expect(md).toContain('### 前端')
  })

  it('escapes every text in the HTML version', () => {
    const html = renderHtml(green)
    expect(html).toContain('Credits drop by 10 &lt;at once&gt;')
    expect(html).not.toContain('<at once>')
  })
})
