import type { z } from 'zod'
import {
  MockFaultArmed,
  type MockFaultRequest,
  MockResetResponse,
  MockState,
} from '../../system/mock-sora/src/control-schema.ts'
import { fail, type Outcome, ok } from '../../system/shared/outcome.ts'
import { http } from '../http.ts'

/**
 * What a test can make mock-sora do: `mode` for the next `count` jobs (fail, never_finish, slow) or
 * /v1 calls (rate_limit, server_error); count -1 = until reset; `duration_s` for slow jobs.
 */
export type MockSoraFault = z.input<typeof MockFaultRequest>

export type MockSoraControlFailure = 'unreachable' | 'timeout' | 'rejected'

/** mock-sora's control endpoint (`/__mock/*`); every call answers a value, never throws. */
export class MockSoraControl {
  constructor(readonly baseUrl: string) {}

  /** Arms a fault; answers it and every fault still pending. */
  setFault(fault: MockSoraFault): Promise<Outcome<MockFaultArmed, MockSoraControlFailure>> {
    return this.call('POST', '/__mock/faults', MockFaultArmed, fault)
  }

  /** Clears jobs, faults and request counters (a fixture calls it before each test). */
  reset(): Promise<Outcome<MockResetResponse, MockSoraControlFailure>> {
    return this.call('POST', '/__mock/reset', MockResetResponse, {})
  }

  /** Jobs by status, pending faults, and requests received since the last reset. */
  state(): Promise<Outcome<MockState, MockSoraControlFailure>> {
    return this.call('GET', '/__mock/state', MockState)
  }

  private async call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<Outcome<T, MockSoraControlFailure>> {
    const answer = await http(`${this.baseUrl}${path}`, { method, body, timeoutMs: 5000 })
    if (!answer.ok) return answer
    const { status, body: got } = answer.value
    const said = `${method} ${path} answered ${status}: ${JSON.stringify(got)}`
    if (status < 200 || status >= 300) return fail('rejected', said)
    const parsed = schema.safeParse(got)
    return parsed.success ? ok(parsed.data) : fail('rejected', `${said} (not the control shape)`)
  }
}
