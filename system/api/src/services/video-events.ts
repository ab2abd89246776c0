import pg from 'pg'
import type { Logger } from 'pino'

/**
 * Fans out PostgreSQL `video_changed` notifications (a trigger on `videos`) to SSE subscribers, over one
 * LISTEN connection per API process. Reconnects after losing the database, and then tells every
 * subscriber to re-read, so no change is missed across the outage.
 */
export interface VideoEvents {
  subscribe(videoId: number, onChange: () => void): () => void
  close(): Promise<void>
}

const CHANNEL = 'video_changed'

export function createVideoEvents(databaseUrl: string, log: Logger): VideoEvents {
  const subscribers = new Map<number, Set<() => void>>()
  let client: pg.Client | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined

  const notifyAll = () => {
    for (const set of subscribers.values()) for (const fn of set) fn()
  }
  const connect = async () => {
    if (closed) return
    const c = new pg.Client({ connectionString: databaseUrl })
    c.on('notification', (msg) => {
      for (const fn of subscribers.get(Number(msg.payload)) ?? []) fn()
    })
    c.on('error', () => {
      if (client === c) client = undefined
      c.end().catch(() => {})
      schedule()
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${CHANNEL}`)
      client = c
      notifyAll()
    } catch (err) {
      log.warn(
        { event: 'api.video_events.reconnect', err: (err as Error).message },
        'video events: reconnecting',
      )
      c.end().catch(() => {})
      schedule()
    }
  }
  const schedule = () => {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, 1000)
  }
  void connect()

  return {
    subscribe(videoId, onChange) {
      const set = subscribers.get(videoId) ?? new Set()
      subscribers.set(videoId, set)
      set.add(onChange)
      return () => {
        set.delete(onChange)
        if (set.size === 0) subscribers.delete(videoId)
      }
    },
    async close() {
      closed = true
      clearTimeout(retry)
      await client?.end().catch(() => {})
    },
  }
}
