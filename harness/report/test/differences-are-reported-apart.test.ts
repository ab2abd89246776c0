import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { collectDifferences } from '../differences.ts'
import { evaluateGate } from '../gate.ts'
import { buildReportModel } from '../pm-report.ts'
import { renderHtml } from '../pm-report-html.ts'
import { renderMarkdown } from '../pm-report-markdown.ts'
import { fakeResult } from './fake-result.ts'

/** A target that does what the guide says, in its own way: its differences never fail an item. */
const checklist: Checklist = {
  areas: { API: 'API', SEC: 'Security' },
  items: [
    { id: 'API-01', area: 'API', title: 'GET /videos/{id} returns the right data' },
    { id: 'SEC-01', area: 'SEC', title: 'Auth required' },
  ],
}
const t = fakeResult('api')
const NAIVE = 'GET /api/v1/videos/{id} .created_at: expected Invalid ISO datetime, got "2026-12-04T18:10:00"'
const FORBIDDEN = 'GET /api/v1/auth/me without a token: expected 401, got 403'
const results = [
  { ...t('returns the video @API-01', 'passed'), differences: [NAIVE] },
  { ...t('refuses without a token @SEC-01', 'passed'), differences: [FORBIDDEN, NAIVE] },
]
const verdicts = evaluateCoverage(checklist, results)
const differences = collectDifferences(results)
const gateInput = { verdicts, junit: [], perf: {}, timing: 'strict', unknownIds: [], differences }

describe('differences from the reference', () => {
  it('are collected once each, with the items of the tests that saw them', () => {
    expect(differences).toEqual([
      { text: FORBIDDEN, ids: ['SEC-01'], tests: ['refuses without a token @SEC-01'] },
      {
        text: NAIVE,
        ids: ['API-01', 'SEC-01'],
        tests: ['returns the video @API-01', 'refuses without a token @SEC-01'],
      },
    ])
  })

  it('leave the gate green and are listed apart, unless --strict-conformance', () => {
    const lenient = evaluateGate(gateInput)
    expect(lenient.ok).toBe(true)
    expect(lenient.differences).toEqual([
      `SEC-01 differs from the reference: ${FORBIDDEN}`,
      `API-01 SEC-01 differs from the reference: ${NAIVE}`,
    ])
    const strict = evaluateGate({ ...gateInput, strictConformance: true })
    expect(strict.ok).toBe(false)
    expect(strict.reasons).toEqual(lenient.differences)
  })

  it('show in the PM report under their own heading, the items still passed', () => {
    const meta = {
      time: new Date(2026, 11, 4, 10, 0),
      tester: 'QA',
      environment: 'target http://127.0.0.1:18000',
      timing: 'strict',
      allureReport: 'allure-report/index.html',
    }
    const model = buildReportModel(checklist, verdicts, {}, meta, 'en', differences)
    expect(model.passed).toBe(true)
    const md = renderMarkdown(model)
    expect(md).toContain('**Differences from the reference API:** 2 place(s)')
    // Grouped by kind, each distinct difference once with where it was seen.
    expect(md).toContain('*Status codes (1)*')
    expect(md).toContain('- ⚠️ expected 401, got 403 — seen at GET /api/v1/auth/me without a token (SEC-01)')
    expect(md).toContain('*Fields and formats (1)*')
    expect(md).toMatch(/\| API-01 \| GET \/videos\/\{id\} returns the right data \| ✅ passed · ⚠️ differs \|/)
    expect(renderHtml(model)).toContain('<h2>Differences from the reference API</h2>')
    expect(renderMarkdown(buildReportModel(checklist, verdicts, {}, meta, 'zh', differences))).toContain(
      '与参考实现 API 的差异',
    )
  })
})
