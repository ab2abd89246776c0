import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

/**
 * The worker as its own process (`node --import tsx system/worker/src/server.ts`), for tests that
 * signal or kill it. One node process, no wrapper, so a signal reaches the worker itself.
 */
export interface WorkerProcess {
  child: ChildProcess
  /** stdout JSON lines, parsed, as they arrive. */
  lines: Record<string, unknown>[]
  stderr: string[]
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>
  /** SIGKILLs it if it still runs (cleanup). */
  kill(): Promise<void>
}

export function spawnWorkerProcess(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'system/worker/src/server.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: Record<string, unknown>[] = []
  const stderr: string[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line))
    } catch {
      lines.push({ raw: line })
    }
  })
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line))
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string)
  return {
    child,
    lines,
    stderr,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
    },
  }
}
