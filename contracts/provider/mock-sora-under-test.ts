import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildMockSora } from '../../system/mock-sora/src/app.ts'
import { loadMockSoraConfig } from '../../system/shared/config.ts'
import { SORA_CONTRACT_API_KEY } from '../provider-states.ts'
import { serviceLogger } from './service-logs.ts'

/** A clock the state handlers set by hand: a job's status is a pure function of it, so no waiting. */
export class ManualClock {
  static readonly START_MS = Date.UTC(2026, 0, 1, 10, 0, 0)
  ms = ManualClock.START_MS
  readonly now = (): number => this.ms
}

export interface MockSoraUnderTest {
  url: string
  /** The mock's app, for in-process set-up calls (`/__mock/*` controls, job creation). */
  app: FastifyInstance
  clock: ManualClock
  durationS: number
  close(): Promise<void>
}

/**
 * mock-sora built with its factory on a manual clock, listening on a free port, with the pact's example
 * key as its API key. `adjust` may add hooks before it listens (the broken-provider test uses it).
 */
export async function startMockSoraUnderTest(
  opts: { adjust?: (app: FastifyInstance) => void } = {},
): Promise<MockSoraUnderTest> {
  const clock = new ManualClock()
  const config = loadMockSoraConfig({ MOCK_SORA_API_KEY: SORA_CONTRACT_API_KEY, MOCK_SORA_DURATION_S: '10' })
  const app = await buildMockSora(config, { now: clock.now, logger: serviceLogger('mock-sora') })
  opts.adjust?.(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    app,
    clock,
    durationS: config.MOCK_SORA_DURATION_S,
    close: () => app.close(),
  }
}
