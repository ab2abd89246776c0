import { expect, it } from 'vitest'
import { stagesOf } from '../acceptance-args.ts'

it('runs the browser and API suites alone, first, and the contracts beside the reliability suite', () => {
  expect(stagesOf(['e2e', 'contracts', 'api', 'reliability'])).toEqual([
    ['e2e'],
    ['api'],
    ['reliability', 'contracts'],
  ])
})

it('keeps the order of the stages for fewer suites, and runs a suite alone when its stage lead is left out', () => {
  expect(stagesOf(['reliability', 'e2e'])).toEqual([['e2e'], ['reliability']])
  expect(stagesOf(['contracts', 'api'])).toEqual([['api'], ['contracts']])
})
