import { closeSync, mkdirSync, openSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the kernel takes the local ports of outgoing connections (Linux: ip_local_port_range). A port
 * picked inside it and let go until a service binds it can meanwhile become the local end of some
 * client's connection (a pg pool, a browser), and the service then fails with EADDRINUSE; ports below
 * this range are only ever taken by a listener that asks for them.
 */
export function ephemeralRangeStart(
  read: () => string = () => readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8'),
): number {
  try {
    const start = Number.parseInt(read().trim().split(/\s+/)[0] ?? '', 10)
    return Number.isInteger(start) && start > LOWEST_PORT + 1000 ? start : DEFAULT_EPHEMERAL_START
  } catch {
    return DEFAULT_EPHEMERAL_START
  }
}
/** IANA's dynamic range starts at 49152; Linux's default ephemeral range at 32768. */
const DEFAULT_EPHEMERAL_START = 32768
/** Above the registered ports services usually take (PostgreSQL 5432, Redis 6379, 8000/8080...). */
const LOWEST_PORT = 20000
const RANGE_END = ephemeralRangeStart()

/**
 * Ports handed out lately, by any process of this machine (suites and shards start stacks side by side):
 * one marker file per port, created exclusively. A marker older than RESERVED_MS is free again (its
 * service is long bound, or gone).
 */
const RESERVATIONS = join(tmpdir(), 'aivideo-ports')
const RESERVED_MS = 10 * 60_000

function reserve(port: number): boolean {
  mkdirSync(RESERVATIONS, { recursive: true })
  const marker = join(RESERVATIONS, String(port))
  try {
    closeSync(openSync(marker, 'wx'))
    return true
  } catch {
    try {
      if (Date.now() - statSync(marker).mtimeMs < RESERVED_MS) return false
      utimesSync(marker, new Date(), new Date())
      return true
    } catch {
      return false
    }
  }
}

/**
 * A loopback port free at the time of asking, chosen at random below the ephemeral range (see
 * `ephemeralRangeStart`), so only another listener could take it before the caller binds it.
 */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (RANGE_END - LOWEST_PORT))
    // Reserved before the check, so that no concurrent ask (here or in another process) picks it meanwhile.
    if (reserve(port) && (await isPortFree(port))) return port
  }
  throw new Error(`no free port between ${LOWEST_PORT} and ${RANGE_END} after 200 tries`)
}

/** Whether nothing listens on `port` of `host` now (a fixed port must be checked before use). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', () => resolve(false))
    srv.listen(port, host, () => srv.close(() => resolve(true)))
  })
}
