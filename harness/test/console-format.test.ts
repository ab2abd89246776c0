import { describe, expect, it } from 'vitest'
import { clock, formatLogLine } from '../console-format.ts'

const at = (h: number, m: number, s: number) => new Date(2026, 0, 2, h, m, s).toISOString()

describe('console format', () => {
  it('turns a pino line into time + message, prefixed with the service', () => {
    const line = JSON.stringify({
      level: 30,
      time: at(20, 1, 2),
      service: 'api',
      event: 'video.generate.queued',
      videoId: 5,
      msg: '✅ Video generation task queued for video_id: 5',
    })
    expect(formatLogLine('api', line)).toBe('[api] 20:01:02 ✅ Video generation task queued for video_id: 5')
  })

  it('adds the fields the message does not show, and marks warnings and errors', () => {
    const line = JSON.stringify({
      level: 50,
      time: at(9, 5, 7),
      service: 'worker',
      event: 'video.job.failed',
      videoId: 12,
      userId: 3,
      req: { url: '/x' },
      err: { type: 'Error', message: 'Sora answered 500', stack: 'Error: ...' },
      msg: 'Video generation FAILED',
    })
    expect(formatLogLine('worker-1', line)).toBe(
      '[worker-1] 09:05:07 ERROR Video generation FAILED videoId=12 userId=3 err="Sora answered 500"',
    )
  })

  it('falls back to the event name when there is no message', () => {
    const line = JSON.stringify({ level: 30, time: at(1, 2, 3), event: 'worker.ready' })
    expect(formatLogLine('worker-1', line)).toBe('[worker-1] 01:02:03 worker.ready')
  })

  it('passes a line that is not JSON through as it is', () => {
    expect(formatLogLine('api', '    at Server.listen (node:net:1:1)')).toBe(
      '[api]     at Server.listen (node:net:1:1)',
    )
    expect(formatLogLine('redis', '{broken json')).toBe('[redis] {broken json')
  })

  it('colours only when asked', () => {
    const esc = String.fromCharCode(27)
    const colored = formatLogLine('api', 'hello', { color: true })
    expect(colored.startsWith(esc)).toBe(true)
    expect(colored.replaceAll(new RegExp(`${esc}\\[\\d+m`, 'g'), '')).toBe('[api] hello')
  })

  it('reads epoch milliseconds too, and survives a missing time', () => {
    expect(clock(new Date(2026, 0, 2, 23, 59, 58).getTime())).toBe('23:59:58')
    expect(clock(undefined)).toBe('--:--:--')
  })
})

describe('console format of fields', () => {
  it('leaves out flags and rounds fractions', () => {
    const line = JSON.stringify({
      level: 30,
      time: 0,
      msg: 'request completed',
      mock_sora: true,
      responseTime: 30.4524,
    })
    expect(formatLogLine('mock-google', line)).toMatch(
      /^\[mock-google\] \d\d:\d\d:\d\d request completed responseTime=30\.45$/,
    )
  })
})
