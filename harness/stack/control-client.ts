import { fail, type Outcome, ok } from '../../system/shared/outcome.ts'
import { http } from '../http.ts'
import type { ControlAction, ServiceState } from './control-server.ts'
import type { ServiceName } from './started-stack.ts'

export type StackControlFailure = 'unreachable' | 'timeout' | 'rejected'

/**
 * The client of harness/stack/control-server.ts: a test process kills, stops or restarts a service of
 * the stack the global setup started. Every call answers an Outcome; restarts wait for readiness, so
 * their budget is long.
 */
export class StackControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 120_000,
  ) {}

  kill(name: ServiceName): Promise<Outcome<ServiceState, StackControlFailure>> {
    return this.action(name, 'kill')
  }

  stop(name: ServiceName): Promise<Outcome<ServiceState, StackControlFailure>> {
    return this.action(name, 'stop')
  }

  /** Starts it again (after a stop or kill, or stops it first) and waits until it is ready. */
  restart(name: ServiceName): Promise<Outcome<ServiceState, StackControlFailure>> {
    return this.action(name, 'restart')
  }

  /** Starts it again only if it is not running (a test's cleanup after a fault). */
  async ensureRunning(name: ServiceName): Promise<Outcome<ServiceState, StackControlFailure>> {
    const all = await this.services()
    if (!all.ok) return all
    const state = all.value.find((s) => s.name === name)
    if (!state) return fail('rejected', `no service ${name} in this stack`)
    return state.running ? ok(state) : this.restart(name)
  }

  addWorker(): Promise<Outcome<ServiceState, StackControlFailure>> {
    return this.call('POST', '/workers')
  }

  services(): Promise<Outcome<ServiceState[], StackControlFailure>> {
    return this.call('GET', '/services')
  }

  private action(name: ServiceName, action: ControlAction) {
    return this.call<ServiceState>('POST', `/services/${encodeURIComponent(name)}/${action}`)
  }

  private async call<T>(method: string, path: string): Promise<Outcome<T, StackControlFailure>> {
    const answer = await http(`${this.baseUrl}${path}`, { method, timeoutMs: this.timeoutMs })
    if (!answer.ok) return answer
    const { status, body } = answer.value
    if (status !== 200)
      return fail('rejected', `${method} ${path} answered ${status}: ${JSON.stringify(body)}`)
    return ok(body as T)
  }
}
