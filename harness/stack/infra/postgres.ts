import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import pg from 'pg'
import type { Probe } from '../../wait.ts'
import { freePort } from '../ports.ts'
import type { ServiceProcess } from '../process.ts'
import { startReady } from '../readiness.ts'
import type { StartedServer } from './started-server.ts'

/** Debian keeps the server binaries out of PATH: PG_BIN_DIR, else the newest Debian version, else PATH. */
export function postgresBinDir(): string {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : []
  const inPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  const candidates = [process.env.PG_BIN_DIR, ...debian, ...inPath]
  const found = candidates.find((d) => d && existsSync(join(d, 'postgres')) && existsSync(join(d, 'initdb')))
  if (!found) throw new Error('PostgreSQL server binaries not found: run `npm run setup` or set PG_BIN_DIR')
  return found
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user when we are root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  return { uid, gid }
}

/** PostgreSQL takes a connection and answers SELECT 1. */
export function postgresCheck(url: string, connectTimeoutMs = 3000): Probe<true> {
  return async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return { done: true, value: true }
    } catch (err) {
      return { done: false, seen: (err as Error).message }
    } finally {
      await client.end().catch(() => {})
    }
  }
}

/** A throwaway cluster (initdb in a temp dir, trust auth on loopback) with an `aivideo` database. */
export async function startPostgres(opts: { logFile: string; database?: string }): Promise<StartedServer> {
  const bin = postgresBinDir()
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'aivideo-pg-'))
  const database = opts.database ?? 'aivideo'
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  const user = runAs()
  const dataDir = join(dir, 'data')
  // Durability is not what these tests measure; fsync off makes the cluster start and run fast.
  const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir]
  args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')
  args.push('-c', 'max_connections=300')
  const launch = () =>
    startReady(
      { name: 'postgres', command: join(bin, 'postgres'), args, logFile: opts.logFile, ...(user ?? {}) },
      { what: 'postgres accepting connections', deadlineMs: 20_000, check: postgresCheck(adminUrl, 1000) },
    )
  let first: ServiceProcess
  try {
    if (user) await chown(dir, user.uid, user.gid)
    execFileSync(
      join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
      { stdio: 'ignore', ...(user ?? {}) },
    )
    first = await launch()
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw err
  }
  const started: StartedServer = {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    dir,
    process: first,
    async restart() {
      await started.process.stop('SIGINT')
      started.process = await launch()
    },
    async stop() {
      await started.process.stop('SIGINT')
      await rm(dir, { recursive: true, force: true })
    },
  }
  try {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
  } catch (err) {
    await started.stop()
    throw err
  }
  return started
}
