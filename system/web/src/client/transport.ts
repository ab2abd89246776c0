import { TERMINAL_STATUSES, type VideoResponse, VideoStreamEvent } from '../../../shared/schemas/videos.ts'
import type { ApiResult } from '../api-client.ts'

export type TransportMode = 'sse' | 'poll'

/** The original's polling interval (the guide: "Frontend polling interval: 5 s"). */
export const POLL_INTERVAL_MS = 5000

/** SSE unless the page says `?transport=poll` or the browser has no EventSource. */
export function chooseTransport(
  search: string,
  hasEventSource = typeof EventSource !== 'undefined',
): TransportMode {
  const asked = new URLSearchParams(search).get('transport')
  if (asked === 'poll' || !hasEventSource) return 'poll'
  return 'sse'
}

export const isTerminal = (video: VideoResponse) => TERMINAL_STATUSES.includes(video.status)

export interface WatchOptions {
  mode: TransportMode
  videoId: number
  /** The video as the 201 returned it: counts as the first update (polling starts one interval later). */
  initial?: VideoResponse
  fetchVideo: (id: number) => Promise<ApiResult<VideoResponse>>
  streamToken: (id: number) => Promise<ApiResult<{ token: string }>>
  streamUrl: (id: number, token: string) => string
  /** Every update received (each poll answer, each stream event), in order. */
  onUpdate: (video: VideoResponse) => void
  /** The stream could not open or broke before the end: watching goes on by polling. */
  onFallback?: (reason: string) => void
  /** Watching stopped without a terminal status (e.g. 404): the detail to show. */
  onGiveUp?: (detail: string) => void
  pollIntervalMs?: number
  EventSource?: typeof EventSource
}

export interface Watch {
  readonly mode: TransportMode
  stop(): void
}

/** An answer that repeats the last one (the stream replays the current state when it opens) is no update. */
const updateKey = (v: VideoResponse) => `${v.status}|${v.progress}|${v.updated_at}`

/**
 * Follows one video until it is completed or failed: Server-Sent Events (`event: video`) by default,
 * polling GET /videos/{id} every 5 s otherwise, and polling too when the stream breaks.
 */
export function watchVideo(opts: WatchOptions): Watch {
  const interval = opts.pollIntervalMs ?? POLL_INTERVAL_MS
  let mode: TransportMode = opts.mode
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let source: EventSource | undefined
  let lastKey = opts.initial ? updateKey(opts.initial) : ''

  const stop = () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    source?.close()
  }
  const deliver = (video: VideoResponse) => {
    if (stopped) return
    const key = updateKey(video)
    if (key === lastKey) return
    lastKey = key
    opts.onUpdate(video)
    if (isTerminal(video)) stop()
  }

  const pollLater = () => {
    if (!stopped) timer = setTimeout(() => void poll(), interval)
  }
  const poll = async () => {
    if (stopped) return
    const r = await opts.fetchVideo(opts.videoId)
    if (stopped) return
    if (r.ok) deliver(r.value)
    else if (r.status !== 0 && r.status < 500 && r.status !== 429) {
      // 4xx other than rate limiting will not get better by asking again.
      stop()
      opts.onGiveUp?.(r.detail)
      return
    }
    pollLater()
  }
  const fallBack = (reason: string) => {
    if (stopped) return
    source?.close()
    source = undefined
    mode = 'poll'
    opts.onFallback?.(reason)
    void poll()
  }

  const stream = async () => {
    const ES = opts.EventSource ?? globalThis.EventSource
    const token = await opts.streamToken(opts.videoId)
    if (stopped) return
    if (!token.ok) return fallBack(`no stream token: ${token.detail}`)
    const es = new ES(opts.streamUrl(opts.videoId, token.value.token))
    source = es
    es.addEventListener('video', (event) => {
      let data: unknown
      try {
        data = JSON.parse((event as MessageEvent<string>).data)
      } catch {
        return fallBack('stream sent an unreadable event')
      }
      const parsed = VideoStreamEvent.safeParse(data)
      if (!parsed.success) return fallBack('stream sent an unexpected event')
      deliver(parsed.data)
    })
    // The API ends the stream after the terminal event, which was delivered (and closed us) first; any
    // other error means the stream broke: EventSource would retry with an expired token, so poll instead.
    es.onerror = () => fallBack('stream interrupted')
  }

  if (mode === 'sse') void stream()
  else if (opts.initial) pollLater()
  else void poll()
  return {
    get mode() {
      return mode
    },
    stop,
  }
}
