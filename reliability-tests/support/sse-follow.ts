import { setTimeout as sleep } from 'node:timers/promises'
import { StreamTokenResponse } from '../../system/shared/schemas/auth.ts'
import { TERMINAL_STATUSES, VideoResponse } from '../../system/shared/schemas/videos.ts'
import { recordSecret } from './secrets.ts'

/**
 * A client waiting for one video the way the web page does, without a browser: a short-lived stream
 * token, then Server-Sent Events; when the stream breaks it reconnects like EventSource (after
 * `retryMs`, with a new token, since the old one may have expired), and while the API cannot even
 * hand out a token it falls back to GET /videos/{id}. Ends at the first terminal state or the deadline.
 */
export interface FollowOptions {
  apiUrl: string
  auth: { authorization: string }
  videoId: number
  deadlineMs: number
  retryMs?: number
  /** Stream tokens are recorded here for the log scan. */
  secretsDir?: string
}

export interface FollowResult {
  final: VideoResponse
  /** Every `event: video` received, over every connection. */
  events: VideoResponse[]
  /** Streams opened (1 when nothing broke). */
  connections: number
  /** Times the client had to ask GET /videos/{id} because no stream could be opened. */
  polls: number
  /** How the final state arrived. */
  via: 'stream' | 'poll'
}

export class VideoFollower {
  readonly events: VideoResponse[] = []
  connections = 0
  polls = 0
  private readonly abort = new AbortController()

  constructor(private readonly opts: FollowOptions) {}

  /** Resolves once at least `n` events arrived (or rejects at the deadline). */
  async eventsSeen(n: number, deadlineMs = 30_000): Promise<void> {
    const until = Date.now() + deadlineMs
    while (this.events.length < n) {
      if (Date.now() > until) throw new Error(`fewer than ${n} SSE events within ${deadlineMs} ms`)
      await sleep(50)
    }
  }

  stop(): void {
    this.abort.abort()
  }

  async run(): Promise<FollowResult> {
    const { apiUrl, auth, videoId } = this.opts
    const until = Date.now() + this.opts.deadlineMs
    const retryMs = this.opts.retryMs ?? 1000
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.opts.deadlineMs)])
    while (Date.now() < until) {
      const token = await this.streamToken(apiUrl, auth, videoId, signal)
      if (token) {
        this.connections += 1
        const final = await this.readStream(
          `${apiUrl}/api/v1/videos/${videoId}/stream?token=${encodeURIComponent(token)}`,
          signal,
        )
        if (final) return this.result(final, 'stream')
      } else {
        const polled = await this.poll(apiUrl, auth, videoId, signal)
        if (polled && TERMINAL_STATUSES.includes(polled.status)) return this.result(polled, 'poll')
      }
      await sleep(retryMs, undefined, { signal }).catch(() => {})
    }
    throw new Error(
      `video ${videoId}: no terminal state within ${this.opts.deadlineMs} ms (${this.events.length} events, ${this.connections} streams, ${this.polls} polls)`,
    )
  }

  private result(final: VideoResponse, via: 'stream' | 'poll'): FollowResult {
    return { final, events: this.events, connections: this.connections, polls: this.polls, via }
  }

  private async streamToken(
    apiUrl: string,
    auth: { authorization: string },
    videoId: number,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    try {
      const res = await fetch(`${apiUrl}/api/v1/videos/${videoId}/stream-token`, {
        method: 'POST',
        headers: auth,
        signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]),
      })
      if (res.status !== 200) return undefined
      const { token } = StreamTokenResponse.parse(await res.json())
      if (this.opts.secretsDir) recordSecret(this.opts.secretsDir, 'stream_token', token)
      return token
    } catch {
      return undefined
    }
  }

  private async poll(
    apiUrl: string,
    auth: { authorization: string },
    videoId: number,
    signal: AbortSignal,
  ): Promise<VideoResponse | undefined> {
    this.polls += 1
    try {
      const res = await fetch(`${apiUrl}/api/v1/videos/${videoId}`, {
        headers: auth,
        signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]),
      })
      return res.status === 200 ? VideoResponse.parse(await res.json()) : undefined
    } catch {
      return undefined
    }
  }

  /** Reads one stream until it ends; answers the terminal video if it came. */
  private async readStream(url: string, signal: AbortSignal): Promise<VideoResponse | undefined> {
    let res: Response
    try {
      res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal })
    } catch {
      return undefined
    }
    if (res.status !== 200 || !res.body) return undefined
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
          const lines = block.split('\n')
          if (!lines.includes('event: video')) continue
          const data = lines
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n')
          const video = VideoResponse.parse(JSON.parse(data))
          this.events.push(video)
          if (TERMINAL_STATUSES.includes(video.status)) return video
        }
      }
    } catch {
      // the connection broke: the caller reconnects
    }
    return undefined
  }
}
