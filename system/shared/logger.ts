import { pino, type Logger } from 'pino'

/** Field names whose values never reach a log line (tokens, codes, keys). */
export const REDACTED_PATHS = [
  'authorization',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'api_key',
  'apiKey',
  'client_secret',
  '*.authorization',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.code',
  '*.apiKey',
  'req.headers.authorization',
]

/** One JSON line per event on stdout, named by service; see log-events.ts for the event names. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  })
}
export type { Logger }
