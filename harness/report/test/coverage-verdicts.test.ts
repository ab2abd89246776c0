import { describe, expect, it } from 'vitest'
import type { Checklist } from '../checklist.ts'
import { evaluateCoverage, unknownIds } from '../coverage.ts'
import { fakeResult } from './fake-result.ts'

const checklist: Checklist = {
  areas: { BE: 'Backend' },
  items: ['BE-01', 'BE-02', 'BE-03', 'BE-04'].map((id) => ({ id, area: 'BE', title: id })),
}
const result = fakeResult('api')

describe('checklist coverage', () => {
  const verdicts = evaluateCoverage(checklist, [
    result('a @BE-01', 'passed'),
    result('b @BE-02', 'passed'),
    result('c @BE-02', 'failed', 'expected 90 to be 80\nstack'),
    result('d @BE-03', 'skipped', 'needs stack control'),
    result('e @XX-99', 'passed'),
  ])
  const by = (id: string) => verdicts.find((v) => v.item.id === id)!

  it('passes an item whose tests all passed', () => expect(by('BE-01').verdict).toBe('passed'))
  it('fails an item when any of its tests failed, giving the first line of the reason', () => {
    expect(by('BE-02').verdict).toBe('failed')
    expect(by('BE-02').reasons).toEqual(['c @BE-02: expected 90 to be 80'])
  })
  it('marks an item whose tests were all skipped as not run, never as passed', () => {
    expect(by('BE-03')).toMatchObject({ verdict: 'not_run', reasons: ['d @BE-03: needs stack control'] })
  })
  it('marks an item no test names as uncovered', () => expect(by('BE-04').verdict).toBe('uncovered'))
  it('marks it not run instead when the run chose its suites, saying so', () => {
    const partial = evaluateCoverage(checklist, [result('a @BE-01', 'passed')], 'api,reliability')
    expect(partial.find((v) => v.item.id === 'BE-04')).toMatchObject({
      verdict: 'not_run',
      reasons: ['its tests are in a suite this run left out (--suites api,reliability)'],
    })
  })
  it('lists IDs that tests name but the checklist lacks', () => {
    expect(unknownIds(checklist, [result('e @XX-99', 'passed')])).toEqual(['XX-99'])
  })
})
