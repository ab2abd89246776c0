import { Readable } from 'node:stream'
import { setTimeout as delay } from 'node:timers/promises'

/**
 * The file's bytes spread evenly over `durationMs` (a slow_content fault): each chunk leaves when its
 * share of the time has passed, so the last byte arrives at about `durationMs`, as over a slow link.
 */
export function pacedStream(source: Readable, bytes: number, durationMs: number): Readable {
  async function* paced() {
    const started = Date.now()
    let sent = 0
    for await (const chunk of source as AsyncIterable<Buffer>) {
      sent += chunk.length
      const due = started + (durationMs * sent) / Math.max(bytes, 1)
      const wait = due - Date.now()
      if (wait > 0) await delay(wait)
      yield chunk
    }
  }
  return Readable.from(paced())
}
