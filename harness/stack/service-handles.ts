import { lineSplitter } from './line-splitter.ts'
import { logOffset } from './log-events.ts'
import { ServiceProcess } from './process.ts'
import { awaitReady, type Readiness } from './readiness.ts'
import type { StackOutput } from './stack-options.ts'
import type { ServiceHandle, ServiceName } from './started-stack.ts'

/** A system process: spawned by start(), ready by its probe; restart() starts a new one on the same env. */
export class SystemService implements ServiceHandle {
  private proc: ServiceProcess | undefined
  private stopping = false
  constructor(
    readonly name: ServiceName,
    private readonly spec: {
      command: string
      args: string[]
      env: Record<string, string>
      cwd: string
      logFile: string
    },
    private readonly readiness: (fromOffset: number) => Readiness,
    private readonly output: StackOutput | undefined,
  ) {}

  get logFile() {
    return this.spec.logFile
  }
  get running() {
    return this.proc?.running ?? false
  }
  get pid() {
    return this.proc?.pid
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`)
    const from = logOffset(this.spec.logFile)
    const output = this.output
    const lines = output ? lineSplitter((line) => output(this.name, line, 'process')) : undefined
    const proc = ServiceProcess.start({
      name: this.name,
      ...this.spec,
      onOutput: lines && ((c) => lines.push(c)),
    })
    this.proc = proc
    this.stopping = false
    void proc.logFlushed.then(() => lines?.flush())
    // On a console, a process that dies on its own says so (a deliberate stop or kill does not).
    void proc.exited.then(({ code, signal }) => {
      if (!this.stopping && this.proc === proc)
        output?.(this.name, `exited by itself (code ${code}, signal ${signal})`, 'harness')
    })
    await awaitReady(this.name, proc, this.readiness(from))
  }

  async stop(): Promise<void> {
    this.stopping = true
    await this.proc?.stop()
  }

  async kill(): Promise<void> {
    this.stopping = true
    await this.proc?.kill()
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }
}

export function infraHandle(
  name: 'redis' | 'postgres',
  infra: { process: ServiceProcess; restart(): Promise<void> },
  stopSignal: NodeJS.Signals,
): ServiceHandle {
  return {
    name,
    get running() {
      return infra.process.running
    },
    get pid() {
      return infra.process.pid
    },
    get logFile() {
      return infra.process.logFile
    },
    stop: () => infra.process.stop(stopSignal),
    kill: () => infra.process.kill(),
    restart: () => infra.restart(),
  }
}
