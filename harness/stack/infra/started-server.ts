import type { ServiceProcess } from '../process.ts'

/** A throwaway Redis or PostgreSQL from the machine's binaries, on a free port, in a temp dir of its own. */
export interface StartedServer {
  /** Redis's URL; PostgreSQL's is its `aivideo` database's. */
  url: string
  port: number
  /** Its temp dir (data, AOF or cluster, socket), removed by stop(). */
  dir: string
  process: ServiceProcess
  /** Restarts on the same port and data dir (Redis keeps its data only with persistence on). */
  restart(): Promise<void>
  stop(): Promise<void>
}
