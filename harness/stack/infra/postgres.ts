import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { waitFor } from '../../wait.ts'
import { freePort } from '../ports.ts'
import { ServiceProcess } from '../process.ts'

export interface StartedPostgres {
  /** URL of the `aivideo` database. */
  url: string
  port: number
  process: ServiceProcess
  restart(): Promise<void>
  stop(): Promise<void>
}

/** Debian keeps the server binaries out of PATH. */
export function postgresBinDir(): string {
  const candidates = [process.env.PG_BIN_DIR, '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin']
  const found = candidates.find((d) => d && existsSync(join(d, 'postgres')))
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

/** A throwaway cluster (initdb in a temp dir, trust auth on loopback) with an `aivideo` database. */
export async function startPostgres(opts: { logFile: string; database?: string }): Promise<StartedPostgres> {
  const bin = postgresBinDir()
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'aivideo-pg-'))
  const user = runAs()
  if (user) await chown(dir, user.uid, user.gid)
  const dataDir = join(dir, 'data')
  execFileSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    {
      stdio: 'ignore',
      ...(user ?? {}),
    },
  )
  const database = opts.database ?? 'aivideo'
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  // Durability is not what these tests measure; fsync off makes the cluster start and run fast.
  const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir]
  args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off')
  args.push('-c', 'max_connections=300')
  const launch = async () => {
    const p = ServiceProcess.start({
      name: 'postgres',
      command: join(bin, 'postgres'),
      args,
      logFile: opts.logFile,
      ...(user ?? {}),
    })
    await waitFor(
      async () => {
        if (!p.running) throw new Error(`postgres exited, see ${opts.logFile}`)
        const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 })
        try {
          await client.connect()
          await client.query('SELECT 1')
          return { done: true, value: p }
        } finally {
          await client.end().catch(() => {})
        }
      },
      { deadlineMs: 20_000, what: 'postgres accepting connections' },
    )
    return p
  }
  const started: StartedPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    process: await launch(),
    async restart() {
      await started.process.stop('SIGINT')
      started.process = await launch()
    },
    async stop() {
      await started.process.stop('SIGINT')
      await rm(dir, { recursive: true, force: true })
    },
  }
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  await admin.end()
  return started
}
