import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lineSplitter } from '../line-splitter.ts'
import { logOffset, parseLogLine, readLogEvents, tailLines } from '../log-events.ts'
import { MockSoraControl } from '../mock-sora-control.ts'
import { ephemeralRangeStart, freePort } from '../ports.ts'
import { guidePorts } from '../stack-options.ts'
import { Teardown } from '../teardown.ts'

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

describe('teardown', () => {
  it('undoes last-in first-out, keeps going past a failure, and runs once', async () => {
    const done: string[] = []
    const t = new Teardown()
    t.push('redis', async () => void done.push('redis'))
    t.push('api', async () => {
      throw new Error('boom')
    })
    t.push('pool', async () => void done.push('pool'))
    const errors = await t.run()
    expect(done).toEqual(['pool', 'redis'])
    expect(errors.map((e) => e.message)).toEqual(['api: boom'])
    expect(await t.run()).toBe(errors)
    expect(done).toHaveLength(2)
  })
})

describe("npm start's ports", () => {
  it("are the guide's, each overridable by env", () => {
    expect(guidePorts({})).toEqual({ api: 8000, mockSora: 4010, mockGoogle: 4020, web: 8080 })
    expect(guidePorts({ API_PORT: '9000', WEB_PORT: '9080' })).toMatchObject({ api: 9000, web: 9080 })
    expect(() => guidePorts({ MOCK_SORA_PORT: 'x' })).toThrow('MOCK_SORA_PORT=x is not a port')
  })
})

describe('free ports for a stack', () => {
  it('are distinct, free, and below the range the kernel gives outgoing connections', async () => {
    const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()))
    expect(new Set(ports).size).toBe(50)
    for (const p of ports) expect(p).toBeGreaterThanOrEqual(20000)
    for (const p of ports) expect(p).toBeLessThan(ephemeralRangeStart())
  })

  it("read that range's start from the kernel, or assume Linux's default", () => {
    expect(ephemeralRangeStart(() => '40000\t60999\n')).toBe(40000)
    expect(ephemeralRangeStart(() => 'garbage')).toBe(32768)
    expect(
      ephemeralRangeStart(() => {
        throw new Error('no /proc')
      }),
    ).toBe(32768)
  })
})

describe('mock-sora control client', () => {
  it('answers a value, not a throw, when mock-sora is not there', async () => {
    const control = new MockSoraControl(`http://127.0.0.1:${await freePort()}`)
    const r = await control.reset()
    expect(r.ok).toBe(false)
    expect(!r.ok && r.kind).toBe('unreachable')
  })
})
