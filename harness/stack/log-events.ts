import { existsSync, readFileSync, statSync } from 'node:fs'
import type { LogEventName } from '../../system/shared/log-events.ts'

/** One pino line of a service's log: the common fields, then whatever ids the event carries. */
export interface LogEntry {
  level: number
  time: string | number
  service?: string
  event?: LogEventName | (string & {})
  msg?: string
  [field: string]: unknown
}

/** A JSON object line becomes an entry; anything else (a stack trace, a banner) is not an event. */
export function parseLogLine(line: string): LogEntry | undefined {
  const text = line.trim()
  if (!text.startsWith('{')) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as LogEntry)
      : undefined
  } catch {
    return undefined
  }
}

/** Size of a log file now, so that a later read can start after what is already there (a restart). */
export function logOffset(file: string): number {
  return existsSync(file) ? statSync(file).size : 0
}

/** The JSON events of a log file, from byte `from` on; non-JSON lines are skipped. */
export function readLogEvents(file: string, from = 0): LogEntry[] {
  if (!existsSync(file)) return []
  const text = readFileSync(file).subarray(from).toString('utf8')
  const entries: LogEntry[] = []
  for (const line of text.split('\n')) {
    const entry = parseLogLine(line)
    if (entry) entries.push(entry)
  }
  return entries
}

/** The last `n` lines of a log file, for an error message. */
export function tailLines(file: string, n = 20): string[] {
  if (!existsSync(file)) return []
  const lines = readFileSync(file, 'utf8').split('\n')
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop()
  return lines.slice(-n)
}
