import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LogEvent } from '../../../system/shared/log-events.ts'
import { HealthResponse } from '../../../system/shared/schemas/health.ts'
import { REPO_ROOT } from '../services.ts'
import { StackBuilder } from '../stack-builder.ts'
import { DEFAULT_ENTRIES } from '../stack-options.ts'
import type { StartedStack } from '../started-stack.ts'

const missing = (['mock-sora', 'mock-google', 'worker', 'api'] as const).filter(
  (role) => !existsSync(resolve(REPO_ROOT, DEFAULT_ENTRIES[role])),
)

describe.skipIf(missing.length > 0)(
  `the local stack${missing.length ? ` (missing: ${missing})` : ''}`,
  () => {
    let stack: StartedStack
    let startMs = 0
    beforeAll(async () => {
      const t0 = Date.now()
      stack = await new StackBuilder().withDriver('local').withSoraDurationS(10).withWorkers(1).start()
      startMs = Date.now() - t0
    }, 180_000)
    afterAll(async () => {
      await stack?.stop()
    }, 60_000)

    it('starts with every service healthy: API /health all ok, mock-sora reachable, a live worker', async () => {
      const res = await fetch(`${stack.urls.api}/health`)
      expect(res.status).toBe(200)
      const health = HealthResponse.parse(await res.json())
      expect(health).toMatchObject({
        status: 'ok',
        redis: 'ok',
        database: 'ok',
        queue: 'ok',
        mock_sora: true,
      })
      expect(health.workers).toBeGreaterThanOrEqual(1)
      console.info(`local stack started in ${startMs} ms`)
    })

    it('has every service up on its own port', async () => {
      for (const url of [stack.urls.mockSora, stack.urls.mockGoogle]) {
        expect((await fetch(`${url}/health`)).status).toBe(200)
      }
      for (const name of stack.services) expect(stack.service(name).running).toBe(true)
    })

    it('logged worker.ready in the worker log', () => {
      expect(stack.logs('worker-1').map((e) => e.event)).toContain(LogEvent.workerReady)
    })

    it('has a reachable mock-sora control endpoint', async () => {
      expect((await stack.mockSora.reset()).ok).toBe(true)
      expect((await stack.mockSora.state()).ok).toBe(true)
    })

    it('has a migrated database behind stack.db', async () => {
      const { rows } = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      expect(rows[0]!.n).toBeGreaterThan(0)
    })
  },
)
