import { describe, expect, it } from 'vitest'
import { lineSplitter } from '../line-splitter.ts'

describe('line splitter', () => {
  it('joins chunks cut mid-line and flushes the last partial line', () => {
    const lines: string[] = []
    const split = lineSplitter((l) => lines.push(l))
    split.push('{"a":')
    split.push(Buffer.from('1}\r\nplain\nhalf'))
    expect(lines).toEqual(['{"a":1}', 'plain'])
    split.flush()
    expect(lines).toEqual(['{"a":1}', 'plain', 'half'])
  })
})
