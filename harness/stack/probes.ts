import { LogEvent } from '../../system/shared/log-events.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { http } from '../http.ts'
import type { Probe } from '../wait.ts'
import { readLogEvents } from './log-events.ts'

/**
 * The readiness probes of a stack's services, whichever driver runs them: each answers done, or what it
 * saw, so that a deadline says what was last seen (harness/wait.ts).
 */
export type Check = Probe<true>

/** A service's `GET /health` answers 200. */
export function healthCheck(baseUrl: string): Check {
  return async () => {
    const r = await http(`${baseUrl}/health`)
    if (!r.ok) return { done: false, seen: r.detail }
    if (r.value.status === 200) return { done: true, value: true }
    return { done: false, seen: `HTTP ${r.value.status} ${JSON.stringify(r.value.body)}` }
  }
}

/** The API's /health says every dependency is ok, mock-sora reachable, and enough workers alive. */
export function apiHealthCheck(baseUrl: string, minWorkers: () => number): Check {
  return async () => {
    const r = await http(`${baseUrl}/health`)
    if (!r.ok) return { done: false, seen: r.detail }
    const seen = `HTTP ${r.value.status} ${JSON.stringify(r.value.body)}`
    const health = HealthResponse.safeParse(r.value.body)
    if (!health.success) return { done: false, seen }
    const h = health.data
    const allOk = h.redis === 'ok' && h.database === 'ok' && h.queue === 'ok' && h.mock_sora
    return allOk && h.workers >= minWorkers() ? { done: true, value: true } : { done: false, seen }
  }
}

/** The worker wrote `worker.ready` in its log after byte `from` (so a restart needs a new one). */
export function workerReadyCheck(logFile: string, from: number): Check {
  return async () => {
    const events = readLogEvents(logFile, from)
    if (events.some((e) => e.event === LogEvent.workerReady)) return { done: true, value: true }
    const last = events.at(-1)
    return { done: false, seen: last ? `last event ${last.event ?? last.msg}` : 'no log event yet' }
  }
}

/** The web app serves its page. */
export function pageCheck(baseUrl: string): Check {
  return async () => {
    const r = await http(`${baseUrl}/`)
    if (!r.ok) return { done: false, seen: r.detail }
    return r.value.status === 200
      ? { done: true, value: true }
      : { done: false, seen: `HTTP ${r.value.status}` }
  }
}
