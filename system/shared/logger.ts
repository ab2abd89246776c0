import { type DestinationStream, type Logger, pino } from 'pino'

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

/**
 * One JSON line per event on stdout (or `destination`, e.g. a test's capture stream), named by service;
 * see log-events.ts for the event names.
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  }
  return destination ? pino(options, destination) : pino(options)
}
export type { Logger }
