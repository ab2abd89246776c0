import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { chown, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
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

/** The `postgres` server of `bin` on `port` over the data dir, its socket in `socketDir`, ready when it answers. */
function launchPostgres(
  bin: string,
  dataDir: string,
  socketDir: string,
  port: number,
  logFile: string,
): Promise<ServiceProcess> {
  // Durability is not what these tests measure; fsync off makes the cluster start and run fast.
  const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', socketDir]
  args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')
  args.push('-c', 'max_connections=300')
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  return startReady(
    { name: 'postgres', command: join(bin, 'postgres'), args, logFile, ...(runAs() ?? {}) },
    { what: 'postgres accepting connections', deadlineMs: 20_000, check: postgresCheck(adminUrl, 1000) },
  )
}

/**
 * A throwaway cluster (trust auth on loopback) with an `aivideo` database: a copy of the template data
 * dir made once per PostgreSQL version and settings (postgresTemplate), not an initdb each time.
 */
export async function startPostgres(opts: { logFile: string; database?: string }): Promise<StartedServer> {
  const bin = postgresBinDir()
  const database = opts.database ?? 'aivideo'
  const template = await postgresTemplate(bin, database, opts.logFile)
  const port = await freePort()
  const dir = await mkdtemp(join(clusterRoot(), 'aivideo-pg-'))
  const dataDir = join(dir, 'data')
  const launch = () => launchPostgres(bin, dataDir, dir, port, opts.logFile)
  let first: ServiceProcess
  try {
    const user = runAs()
    if (user) await chown(dir, user.uid, user.gid)
    await copyDir(template, dataDir, user)
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
  return started
}

/**
 * Where the clusters and their template live: a memory file system when the machine has one (Linux's
 * /dev/shm), else the temp dir. Copying a data dir onto a disk file system is slow on a busy machine (a
 * thousand files created through its journal), and these clusters never outlive their stack.
 */
function clusterRoot(): string {
  try {
    accessSync(SHM, constants.W_OK)
    return SHM
  } catch {
    return tmpdir()
  }
}
const SHM = '/dev/shm'

/** `cp -a`, as the user PostgreSQL runs as: the copy is its own, with the modes it insists on. */
function copyDir(from: string, to: string, user: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('cp', ['-a', from, to], { ...(user ?? {}) }, (err) => (err ? reject(err) : resolve())),
  )
}

/**
 * The data dir every throwaway cluster starts from: initdb, then the database created, made once in
 * clusterRoot() under a key of the PostgreSQL version, the initdb settings and the database's name, so a
 * new version or setting makes a new one. Migrations are not in it: the system applies them at start,
 * as it does on any empty database. Made in a folder of its own and renamed into place, so two
 * processes making it at once both end well.
 */
async function postgresTemplate(bin: string, database: string, logFile: string): Promise<string> {
  const version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim()
  const key = createHash('sha256')
    .update(JSON.stringify({ version, bin, initdb: INITDB_ARGS, database }))
    .digest('hex')
    .slice(0, 16)
  const root = join(clusterRoot(), 'aivideo-pg-templates')
  const dir = join(root, key)
  const dataDir = join(dir, 'data')
  if (existsSync(join(dir, 'done'))) return dataDir
  await mkdir(root, { recursive: true })
  const scratch = await mkdtemp(join(root, `${key}.part-`))
  const user = runAs()
  try {
    if (user) await chown(scratch, user.uid, user.gid)
    execFileSync(join(bin, 'initdb'), ['-D', join(scratch, 'data'), ...INITDB_ARGS], {
      stdio: 'ignore',
      ...(user ?? {}),
    })
    const port = await freePort()
    const server = await launchPostgres(bin, join(scratch, 'data'), scratch, port, logFile)
    try {
      const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${database}`)
      await admin.end()
    } finally {
      await server.stop('SIGINT') // a clean shut-down: the copies start without recovery
    }
    await writeFile(join(scratch, 'done'), `${version}\n`)
    await rename(scratch, dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err // else another process was first
    })
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return dataDir
}

const INITDB_ARGS = ['-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--wal-segsize=1']
