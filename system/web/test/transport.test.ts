import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VideoResponse } from '../../shared/schemas/videos.ts'
import type { ApiResult } from '../src/api-client.ts'
import { chooseTransport, POLL_INTERVAL_MS, watchVideo } from '../src/client/transport.ts'
import { video } from './helpers.ts'

describe('choosing the transport', () => {
  it('is SSE by default and polling with ?transport=poll or without EventSource', () => {
    expect(chooseTransport('', true)).toBe('sse')
    expect(chooseTransport('?transport=sse', true)).toBe('sse')
    expect(chooseTransport('?transport=poll', true)).toBe('poll')
    expect(chooseTransport('?x=1&transport=poll', true)).toBe('poll')
    expect(chooseTransport('', false)).toBe('poll')
  })
})

/** A stand-in EventSource the test drives by hand. */
class FakeEventSource {
  static last: FakeEventSource | undefined
  readonly listeners = new Map<string, (e: MessageEvent) => void>()
  onerror: (() => void) | null = null
  closed = false
  constructor(readonly url: string) {
    FakeEventSource.last = this
  }
  addEventListener(name: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(name, fn)
  }
  close() {
    this.closed = true
  }
  emit(v: VideoResponse) {
    this.listeners.get('video')?.({ data: JSON.stringify(v) } as MessageEvent)
  }
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
const at = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000Z`

describe('watching a video', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('polls every 5 s after the 201 and stops at the terminal status (the guide’s pending, processing…, completed)', async () => {
    const answers = [
      video({ status: 'processing', progress: 40, updated_at: at(5) }),
      video({ status: 'processing', progress: 90, updated_at: at(10) }),
      video({ status: 'completed', progress: 100, updated_at: at(15) }),
    ]
    const calls: number[] = []
    const fetchVideo = vi.fn(async () => {
      calls.push(Date.now())
      return ok(answers[calls.length - 1]!)
    })
    const updates: string[] = []
    const start = Date.now()
    watchVideo({
      mode: 'poll',
      videoId: 7,
      initial: video(),
      fetchVideo,
      streamToken: vi.fn(),
      streamUrl: () => '',
      onUpdate: (v) => updates.push(`${v.status} ${v.progress}`),
    })
    expect(fetchVideo).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5)
    expect(calls.map((t) => t - start)).toEqual([5000, 10000, 15000])
    expect(updates).toEqual(['processing 40', 'processing 90', 'completed 100'])
  })

  it('follows the stream, skipping its replay of the state the 201 already gave, and closes at the end', async () => {
    const updates: string[] = []
    watchVideo({
      mode: 'sse',
      videoId: 7,
      initial: video(),
      fetchVideo: vi.fn(),
      streamToken: async () => ok({ token: 't k' }),
      streamUrl: (id, token) =>
        `http://api.test/api/v1/videos/${id}/stream?token=${encodeURIComponent(token)}`,
      onUpdate: (v) => updates.push(v.status),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    })
    await vi.advanceTimersByTimeAsync(0)
    const es = FakeEventSource.last!
    expect(es.url).toBe('http://api.test/api/v1/videos/7/stream?token=t%20k')
    es.emit(video())
    es.emit(video({ status: 'processing', progress: 10, updated_at: at(1) }))
    es.emit(video({ status: 'completed', progress: 100, updated_at: at(11) }))
    expect(updates).toEqual(['processing', 'completed'])
    expect(es.closed).toBe(true)
  })

  it('falls back to polling when the stream breaks before the end', async () => {
    const fallbacks: string[] = []
    const fetchVideo = vi.fn(async () =>
      ok(video({ status: 'completed', progress: 100, updated_at: at(12) })),
    )
    const updates: string[] = []
    const watch = watchVideo({
      mode: 'sse',
      videoId: 7,
      fetchVideo,
      streamToken: async () => ok({ token: 't' }),
      streamUrl: () => 'http://api.test/stream',
      onUpdate: (v) => updates.push(v.status),
      onFallback: (reason) => fallbacks.push(reason),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    })
    await vi.advanceTimersByTimeAsync(0)
    const es = FakeEventSource.last!
    es.emit(video({ status: 'processing', progress: 30, updated_at: at(3) }))
    es.onerror?.()
    expect(es.closed).toBe(true)
    expect(watch.mode).toBe('poll')
    expect(fallbacks).toEqual(['stream interrupted'])
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchVideo).toHaveBeenCalledTimes(1)
    expect(updates).toEqual(['processing', 'completed'])
  })

  it('polls when no stream token can be had', async () => {
    const fetchVideo = vi.fn(async () =>
      ok(video({ status: 'failed', error_message: 'boom', updated_at: at(2) })),
    )
    const fallbacks: string[] = []
    watchVideo({
      mode: 'sse',
      videoId: 7,
      fetchVideo,
      streamToken: async () => ({ ok: false, status: 404, detail: 'Not Found' }),
      streamUrl: () => '',
      onUpdate: () => {},
      onFallback: (r) => fallbacks.push(r),
      EventSource: FakeEventSource as unknown as typeof EventSource,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(fallbacks).toEqual(['no stream token: Not Found'])
    expect(fetchVideo).toHaveBeenCalledTimes(1)
  })

  it('keeps polling through network errors and gives up on a 404', async () => {
    const results: ApiResult<VideoResponse>[] = [
      { ok: false, status: 0, detail: 'Network error' },
      { ok: false, status: 404, detail: 'Video with id 7 not found' },
    ]
    const fetchVideo = vi.fn(async () => results.shift()!)
    const gaveUp: string[] = []
    watchVideo({
      mode: 'poll',
      videoId: 7,
      fetchVideo,
      streamToken: vi.fn(),
      streamUrl: () => '',
      onUpdate: () => {},
      onGiveUp: (d) => gaveUp.push(d),
    })
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 4)
    expect(fetchVideo).toHaveBeenCalledTimes(2)
    expect(gaveUp).toEqual(['Video with id 7 not found'])
  })
})
