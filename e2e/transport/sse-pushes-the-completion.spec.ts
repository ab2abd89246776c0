import type { Request } from '@playwright/test'
import { firstEvent } from '../../harness/browser/page-timeline.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { BUDGET, GUIDE, GUIDE_PROMPT, SHORT_JOB_S, STRICT } from '../fixtures/budgets.ts'
import { recordValue } from '../fixtures/evidence.ts'
import { expect, test } from '../fixtures/test.ts'

// The push latency does not depend on how long the job ran.
test.use({ soraJobS: SHORT_JOB_S })

const isPoll = (r: Request) =>
  r.method() === 'GET' && /\/api\/v1\/videos\/\d+$/.test(new URL(r.url()).pathname)
const isStream = (r: Request) => /\/api\/v1\/videos\/\d+\/stream$/.test(new URL(r.url()).pathname)

test('in SSE mode the completion is pushed to the page (no polling); the push latency from the database to the page is measured @PERF-03', async ({
  page,
  studio,
  stack,
  signedInUser: _user,
  consoleLines,
  perf,
}, testInfo) => {
  const requests: Request[] = []
  page.on('request', (r) => requests.push(r))
  const accepted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/videos/generate'),
  )
  await studio.generateFrom(5, GUIDE_PROMPT)
  const video = (await (await accepted).json()) as { id: number }
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })

  expect(requests.filter(isStream), 'one event stream').toHaveLength(1)
  expect(requests.filter(isStream)[0]!.resourceType()).toBe('eventsource')
  expect(requests.filter(isPoll), 'no polling').toEqual([])
  expect(
    consoleLines.filter((l) => l.startsWith('⚠️')),
    'no fallback to polling',
  ).toEqual([])

  // Completion: the worker's UPDATE (updated_at = its statement time, committed at once).
  const row = await stack.db.query<{ status: string; updated_at: Date }>(
    'SELECT status, updated_at FROM videos WHERE id = $1',
    [video.id],
  )
  expect(row.rows[0]?.status).toBe('completed')
  const completedAt = row.rows[0]!.updated_at.getTime()
  const shown = firstEvent(await studio.timeline(), 'phase', 'success')
  expect(shown, 'the page recorded the success state').toBeDefined()
  const latencyMs = shown!.t - completedAt
  await perf({ sse_push_latency_ms: latencyMs })

  const logged = stack
    .logs('worker-1')
    .find((e) => e.event === LogEvent.jobCompleted && e.videoId === video.id)
  if (logged)
    await recordValue(
      testInfo,
      'worker log video.job.completed → page, ms',
      shown!.t - Date.parse(String(logged.time)),
    )

  expect(latencyMs, 'shown after the database says completed').toBeGreaterThanOrEqual(0)
  // A push, not a poll: sooner than the polling interval it replaces.
  if (STRICT) expect(latencyMs, 'push latency, ms').toBeLessThan(GUIDE.pollIntervalMs)
})
