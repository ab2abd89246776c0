import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { logOffset, parseLogLine, readLogEvents, tailLines } from '../log-events.ts'

describe('service log reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aivideo-logtest-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('parses JSON object lines only', () => {
    expect(parseLogLine('{"level":30,"event":"worker.ready"}')).toEqual({ level: 30, event: 'worker.ready' })
    expect(parseLogLine('  at Object.<anonymous> (file.ts:1:1)')).toBeUndefined()
    expect(parseLogLine('{not json')).toBeUndefined()
    expect(parseLogLine('[1,2]')).toBeUndefined()
  })

  it('reads events after an offset (what a restart wrote) and the last lines', () => {
    const file = join(dir, 'worker-1.log')
    expect(readLogEvents(file)).toEqual([])
    writeFileSync(file, '{"level":30,"event":"worker.ready"}\nbanner\n')
    const offset = logOffset(file)
    appendFileSync(file, '{"level":30,"event":"worker.ready","n":2}\n')
    expect(readLogEvents(file)).toHaveLength(2)
    expect(readLogEvents(file, offset)).toEqual([{ level: 30, event: 'worker.ready', n: 2 }])
    expect(tailLines(file, 2)).toEqual(['banner', '{"level":30,"event":"worker.ready","n":2}'])
  })
})
