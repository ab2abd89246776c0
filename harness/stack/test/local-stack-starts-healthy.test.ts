import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LogEvent } from '../../../system/shared/log-events.ts'
import { HealthResponse } from '../../../system/shared/schemas/health.ts'
import { runScriptedUser } from '../../scripted-user.ts'
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

    it('serves a scripted user the guide’s walk: 100.0 → 90.0 at once, then a completed video with Range', async () => {
      const r = await runScriptedUser({ apiUrl: stack.urls.api, googleUrl: stack.urls.mockGoogle })
      expect([r.creditsBefore, r.creditsAfterSubmit]).toEqual([100, 90])
      expect(r.submitted.status).toBe('pending')
      expect(r.completed).toMatchObject({
        status: 'completed',
        progress: 100,
        resolution: '1280x720',
        video_url: `/uploads/videos/user_${r.completed.user_id}_video_${r.completed.id}.mp4`,
      })
      const sample = statSync(resolve(REPO_ROOT, 'fixtures/sample-video.mp4')).size
      expect(r.head).toEqual({ status: 200, contentType: 'video/mp4', contentLength: sample })
      expect(r.range).toEqual({ status: 206, contentRange: `bytes 0-1023/${sample}`, bytes: 1024 })
      console.info(`scripted user: generation took ${r.generationMs} ms`)
    }, 60_000)

    it('has a migrated database behind stack.db', async () => {
      const { rows } = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      expect(rows[0]!.n).toBeGreaterThan(0)
    })
  },
)
