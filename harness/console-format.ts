import { parseLogLine } from './stack/log-events.ts'

/**
 * Human-readable console lines from the services' JSON logs (npm start):
 *   [api] 20:01:02 ✅ Video generation task queued for video_id: 5
 * A pino line becomes local time + msg + a few fields the msg does not already show; any other line
 * (a stack trace, a banner) is passed through as it is, behind the same prefix.
 */
export interface ConsoleFormatOptions {
  /** ANSI colours (only on a terminal). */
  color?: boolean
}

/** pino's own fields and the noisy objects a console does not need. */
const HIDDEN = new Set([
  'level',
  'time',
  'service',
  'event',
  'msg',
  'pid',
  'hostname',
  'req',
  'res',
  'reqId',
  'v',
])
const MAX_FIELDS = 5
const MAX_VALUE_CHARS = 60

const LEVELS: Record<number, { label: string; color: string }> = {
  10: { label: 'TRACE', color: '90' },
  20: { label: 'DEBUG', color: '90' },
  40: { label: 'WARN', color: '33' },
  50: { label: 'ERROR', color: '31' },
  60: { label: 'FATAL', color: '31' },
}
const SERVICE_COLORS = ['36', '35', '32', '34', '33', '96', '95']

export function formatLogLine(service: string, line: string, opts: ConsoleFormatOptions = {}): string {
  const paint = (code: string, text: string) => (opts.color ? `\x1b[${code}m${text}\x1b[0m` : text)
  const prefix = paint(serviceColor(service), `[${service}]`)
  const entry = parseLogLine(line)
  if (!entry) return `${prefix} ${line}`
  const parts = [prefix, paint('90', clock(entry.time))]
  const level = LEVELS[entry.level]
  if (level) parts.push(paint(level.color, level.label))
  const msg = typeof entry.msg === 'string' && entry.msg !== '' ? entry.msg : (entry.event ?? '')
  if (msg) parts.push(msg)
  const fields = keyFields(entry, msg)
  if (fields) parts.push(paint('90', fields))
  return parts.join(' ')
}

/** HH:MM:SS in local time, from pino's ISO string or epoch milliseconds. */
export function clock(time: unknown): string {
  const date = typeof time === 'string' || typeof time === 'number' ? new Date(time) : new Date(Number.NaN)
  if (Number.isNaN(date.getTime())) return '--:--:--'
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
}

/** `key=value` for the scalar fields whose value the message does not already show; an error's message. */
function keyFields(entry: Record<string, unknown>, msg: string): string {
  const out: string[] = []
  for (const [key, value] of Object.entries(entry)) {
    if (out.length >= MAX_FIELDS) break
    if (HIDDEN.has(key)) continue
    if (key === 'err' || key === 'error') {
      const message = errorMessage(value)
      if (message && !msg.includes(message)) out.push(`${key}=${short(message)}`)
      continue
    }
    // booleans are flags (mock_sora=true on every banner line), not something to read
    if (value === null || typeof value === 'object' || typeof value === 'boolean') continue
    const text = typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : String(value)
    if (msg.includes(text)) continue
    out.push(`${key}=${short(text)}`)
  }
  return out.join(' ')
}

function errorMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'message' in value) return String(value.message)
  return undefined
}

const short = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ')
  const cut = oneLine.length > MAX_VALUE_CHARS ? `${oneLine.slice(0, MAX_VALUE_CHARS - 1)}…` : oneLine
  return /\s/.test(cut) ? JSON.stringify(cut) : cut
}

function serviceColor(service: string): string {
  let hash = 0
  for (const ch of service.replace(/-\d+$/, '')) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  return SERVICE_COLORS[hash % SERVICE_COLORS.length] ?? '36'
}
