import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface ServiceProcessOptions {
  name: string
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Every line the process prints goes here (stdout and stderr). */
  logFile: string
  uid?: number
  gid?: number
  /** Also called with each chunk of output, e.g. to prefix it on a console. */
  onOutput?: (chunk: Buffer) => void
}

export interface ProcessExit {
  code: number | null
  signal: NodeJS.Signals | null
  /** Set when the process could not be spawned at all (e.g. ENOENT). */
  error?: Error
}

/** A child process we started, with its exit as a promise; stop() and kill() only touch this pid. */
export class ServiceProcess {
  readonly exited: Promise<ProcessExit>
  /** Resolves once everything the process printed is in its log file (after exit). */
  readonly logFlushed: Promise<void>
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
    logFlushed: Promise<void>,
  ) {
    this.logFlushed = logFlushed
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }))
      child.once('error', (error) => resolve({ code: null, signal: null, error }))
    })
  }

  static start(opts: ServiceProcessOptions): ServiceProcess {
    mkdirSync(dirname(opts.logFile), { recursive: true })
    const log = createWriteStream(opts.logFile, { flags: 'a' })
    const logFlushed = new Promise<void>((resolve) => {
      log.once('close', resolve)
      log.once('error', () => resolve())
    })
    const child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid } : {}),
    })
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        log.write(chunk)
        opts.onOutput?.(chunk)
      })
    }
    // 'close' comes after the last output chunk ('exit' may come before it); a failed spawn emits 'error'.
    let ended = false
    const endLog = (last?: string) => {
      if (ended) return
      ended = true
      log.end(last)
    }
    child.once('close', () => endLog())
    child.once('error', (err) => endLog(`[harness] could not start ${opts.command}: ${err.message}\n`))
    return new ServiceProcess(opts.name, child, opts.logFile, logFlushed)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  get running(): boolean {
    return this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Asks the process to stop, escalating to SIGKILL after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    if (!this.running) return
    this.child.kill(signal)
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs)
    await this.exited
    clearTimeout(timer)
  }

  /** SIGKILL, as a crash would. */
  async kill(): Promise<void> {
    if (!this.running) return
    this.child.kill('SIGKILL')
    await this.exited
  }
}
