import type Dockerode from 'dockerode'
import { DeadlineError, waitFor } from '../../wait.ts'
import { logOffset, tailLines } from '../log-events.ts'
import { type Readiness, StackStartError } from '../readiness.ts'
import type { ServiceHandle, ServiceName } from '../started-stack.ts'
import type { ContainerLog } from './container-log.ts'

/** How long `docker stop` waits after SIGTERM before SIGKILL (compose's stop_grace_period too). */
const STOP_GRACE_S = 10

/**
 * One container of the compose project as a ServiceHandle: stop is `docker stop` (SIGTERM, then SIGKILL
 * after the grace period), kill is `docker kill` (SIGKILL), restart starts the same container again
 * (same ports, env and volumes) and waits for the service's own readiness probe. `running` and `pid`
 * follow the engine's start/die events.
 */
export class ContainerService implements ServiceHandle {
  private state: { running: boolean; pid: number | undefined }

  constructor(
    readonly name: ServiceName,
    readonly containerId: string,
    private readonly docker: Dockerode,
    private readonly log: ContainerLog,
    private readonly readiness: (fromOffset: number) => Readiness,
    initial: { running: boolean; pid: number | undefined },
  ) {
    this.state = initial
  }

  get running(): boolean {
    return this.state.running
  }
  get pid(): number | undefined {
    return this.state.pid
  }
  get logFile(): string {
    return this.log.file
  }

  /** The engine said the container started or died (the stack's event watcher calls this). */
  observe(event: 'start' | 'die'): void {
    if (event === 'die') this.state = { running: false, pid: undefined }
    else void this.refresh().catch(() => {})
  }

  async stop(): Promise<void> {
    await this.container().stop({ t: STOP_GRACE_S }).catch(ignoreStatus(304)) // already stopped
    await this.refresh()
  }

  async kill(): Promise<void> {
    await this.container().kill({ signal: 'SIGKILL' }).catch(ignoreStatus(409)) // not running
    await this.refresh()
  }

  async restart(): Promise<void> {
    if (this.running) await this.stop()
    const from = logOffset(this.logFile)
    const sinceS = Math.floor(Date.now() / 1000) - 1
    await this.container().start()
    await this.refresh()
    void this.log.follow(sinceS).catch(() => {})
    await this.awaitReady(from)
  }

  /** Waits for the service's probe; a container that dies meanwhile fails at once, with its last lines. */
  async awaitReady(from: number): Promise<void> {
    const ready = this.readiness(from)
    const died = new AbortController()
    const watch = setInterval(() => {
      if (!this.state.running) died.abort(new Error('exited'))
    }, 250)
    try {
      await waitFor(ready.check, { deadlineMs: ready.deadlineMs, what: ready.what, signal: died.signal })
    } catch (err) {
      if (died.signal.aborted)
        throw new StackStartError(this.name, this.logFile, 'exited during start-up', tailLines(this.logFile))
      if (err instanceof DeadlineError)
        throw new StackStartError(
          this.name,
          this.logFile,
          `did not get ready: ${err.message}`,
          tailLines(this.logFile),
        )
      throw err
    } finally {
      clearInterval(watch)
    }
  }

  private container(): Dockerode.Container {
    return this.docker.getContainer(this.containerId)
  }

  private async refresh(): Promise<void> {
    const info = await this.container().inspect()
    this.state = { running: info.State.Running, pid: info.State.Pid || undefined }
  }
}

/** A dockerode call that may answer `status` when there is nothing to do. */
function ignoreStatus(status: number) {
  return (err: unknown) => {
    if ((err as { statusCode?: number }).statusCode !== status) throw err
  }
}
