import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { buildReportModel } from '../pm-report.ts'
import { fakeResult } from './fake-result.ts'

const checklist: Checklist = {
  areas: { OK: 'Success criteria' },
  items: [{ id: 'OK-05', area: 'OK', title: 'The video file is created' }],
}
const meta = {
  time: new Date(2026, 11, 6, 5, 0),
  tester: 'QA',
  environment: 'Linux / Node.js 20',
  timing: 'strict',
  allureReport: 'allure-report/index.html',
}

describe('a passed item’s evidence', () => {
  it('names the tests that passed, not the ones skipped beside them (a target run skips some)', () => {
    const t = fakeResult('api')
    const results = [
      t('is written to uploads/videos @OK-05', 'skipped', 'needs stack control'),
      t('is a playable video, as ffprobe reads it @OK-05', 'passed'),
    ]
    const model = buildReportModel(checklist, evaluateCoverage(checklist, results), {}, meta, 'en')
    const item = model.areas[0]!.items[0]!
    expect(item.verdict).toBe('passed')
    expect(item.evidence).toBe('is a playable video, as ffprobe reads it @OK-05')
  })
})
