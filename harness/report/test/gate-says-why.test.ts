import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage } from '../coverage.ts'
import { evaluateGate } from '../gate.ts'
import type { TestResult } from '../results.ts'

const checklist: Checklist = {
  areas: { OK: 'Success criteria' },
  items: [
    { id: 'OK-07', area: 'OK', title: 'Credits are deducted correctly' },
    { id: 'OK-09', area: 'OK', title: 'The whole flow takes < 20 s' },
  ],
}
const passed = (name: string): TestResult => ({
  uuid: name,
  name,
  fullName: name,
  status: 'passed',
  message: null,
  ids: [...name.matchAll(/@([A-Z]+-\d{2})/g)].map((m) => m[1]!),
  suite: 'api',
  durationMs: 1,
  parameters: {},
  differences: [],
})
const green = evaluateCoverage(checklist, [passed('charges 10 @OK-07'), passed('plays in time @OK-09')])

describe('the release gate', () => {
  it('is green when every item passed, no test failed and every limit held', () => {
    const gate = evaluateGate({
      verdicts: green,
      junit: [],
      perf: { click_to_playing_s: 12 },
      timing: 'strict',
      unknownIds: [],
    })
    expect(gate).toEqual({ ok: true, reasons: [], notRun: [], differences: [] })
  })

  it('says why it is red: an uncovered item, a failed contract test, a missed threshold', () => {
    const gate = evaluateGate({
      verdicts: evaluateCoverage(checklist, [passed('charges 10 @OK-07')]),
      junit: [
        {
          file: 'contracts.xml',
          name: 'mock-sora honours the worker pact',
          message: 'Expected done to be completed',
        },
      ],
      perf: { click_to_playing_s: 25.1, api_get_video: { p50_ms: 3, p95_ms: 120, p99_ms: 200 } },
      timing: 'strict',
      unknownIds: ['XX-01'],
    })
    expect(gate.ok).toBe(false)
    expect(gate.reasons).toEqual([
      'OK-09 has no test: no test names this item',
      'test failed (contracts.xml): mock-sora honours the worker pact: Expected done to be completed',
      'threshold missed: API p95, GET /videos/{id} 3.0 / 120.0 / 200.0 ms, limit p95 < 100 ms',
      'threshold missed: click to playing 25.1 s, limit < 20 s',
      'a test names XX-01, which is not in contracts/checklist.yaml',
    ])
  })

  it('does not judge the guide’s timing limits in fast timing', () => {
    const gate = evaluateGate({
      verdicts: green,
      junit: [],
      perf: { click_to_playing_s: 25 },
      timing: 'fast',
      unknownIds: [],
    })
    expect(gate.ok).toBe(true)
  })
})
