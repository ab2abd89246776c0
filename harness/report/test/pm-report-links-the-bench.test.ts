import { describe, expect, it } from 'vitest'
import { buildReportModel } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { renderMarkdown } from '../pm-report-markdown.ts'

const meta = {
  time: new Date(2026, 10, 28, 1, 0),
  tester: 'PM',
  environment: 'Linux / Node.js 20',
  timing: 'strict',
  allureReport: 'allure-report/index.html',
}
const model = (benchReport?: string) =>
  buildReportModel({ areas: {}, items: [] }, [], {}, { ...meta, benchReport }, 'en')

describe('the PM report’s performance section', () => {
  it('links npm run bench’s table when one was written', () => {
    expect(renderMarkdown(model('bench.md'))).toContain(
      'Benchmark against our own targets (npm run bench): [bench.md](bench.md)',
    )
    expect(renderHtml(model('bench.md'))).toContain('<a href="bench.md">Benchmark against our own targets')
  })

  it('says nothing of a benchmark when none was run', () => {
    expect(renderMarkdown(model())).not.toContain('npm run bench')
    expect(renderHtml(model())).not.toContain('bench.md')
  })
})
