import { DeadlineError, type Probe, waitFor } from '../wait.ts'
import { tailLines } from './log-events.ts'
import { ServiceProcess, type ServiceProcessOptions } from './process.ts'

/** A named readiness check with its own budget. */
export interface Readiness {
  what: string
  deadlineMs: number
  check: Probe<unknown>
}

/** start() failed because of one service: its name and log are in the message and on the error. */
export class StackStartError extends Error {
  override name = 'StackStartError'
  constructor(
    readonly service: string,
    readonly logFile: string | undefined,
    reason: string,
    tail: string[] = [],
  ) {
    const where = logFile ? `\n  log: ${logFile}` : ''
    const last = tail.length > 0 ? `\n  last lines:\n    ${tail.join('\n    ')}` : ''
    super(`${service} ${reason}${where}${last}`)
  }
}

/** How long to wait, after an exit, for the output still in the pipes to reach the log file. */
const FLUSH_WAIT_MS = 1000

/**
 * Waits until `ready` passes, or fails at once (not at the deadline) if the process exits first.
 * The process is left as it is: the caller's cleanup stops it.
 */
export async function awaitReady(name: string, proc: ServiceProcess, ready: Readiness): Promise<void> {
  const exited = new AbortController()
  void proc.exited.then((exit) => exited.abort(exit))
  try {
    await waitFor(ready.check, { deadlineMs: ready.deadlineMs, what: ready.what, signal: exited.signal })
  } catch (err) {
    if (exited.signal.aborted) {
      const exit = await proc.exited
      await Promise.race([proc.logFlushed, new Promise((r) => setTimeout(r, FLUSH_WAIT_MS).unref())])
      const how = exit.error
        ? `could not be started (${exit.error.message})`
        : `exited during start-up (code ${exit.code}, signal ${exit.signal})`
      throw new StackStartError(name, proc.logFile, how, tailLines(proc.logFile))
    }
    if (err instanceof DeadlineError) {
      throw new StackStartError(
        name,
        proc.logFile,
        `did not get ready: ${err.message}`,
        tailLines(proc.logFile),
      )
    }
    throw err
  }
}

/** Starts a process and waits until it is ready; one that does not get ready is killed, and the error says why. */
export async function startReady(opts: ServiceProcessOptions, ready: Readiness): Promise<ServiceProcess> {
  const proc = ServiceProcess.start(opts)
  try {
    await awaitReady(opts.name, proc, ready)
  } catch (err) {
    await proc.kill()
    throw err
  }
  return proc
}
