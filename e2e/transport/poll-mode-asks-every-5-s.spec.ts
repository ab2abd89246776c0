import type { Request } from '@playwright/test'
import { BUDGET, GUIDE, GUIDE_PROMPT, STRICT } from '../fixtures/budgets.ts'
import { recordValue } from '../fixtures/evidence.ts'
import { expect, test } from '../fixtures/test.ts'

// The original's transport, and the guide's 10 s job: polled 5 and 10 s after the 201 at least.
test.use({ transport: 'poll' })

const isPoll = (r: Request) =>
  r.method() === 'GET' && /\/api\/v1\/videos\/\d+$/.test(new URL(r.url()).pathname)

test('with ?transport=poll the page asks GET /api/v1/videos/{id} every 5 s (± 0.5 s) until the video is done @PERF-03', async ({
  page,
  studio,
  signedInUser: _user,
  perf,
}, testInfo) => {
  await expect(studio.body).toHaveAttribute('data-transport', 'poll')
  const finished: Request[] = []
  page.on('requestfinished', (r) => finished.push(r))
  await studio.generateFrom(3, GUIDE_PROMPT)
  await expect(studio.success).toBeVisible({ timeout: BUDGET.clickToPlayingPollMs })

  // When each poll left the browser and when its answer was in (the browser's own clock).
  const polls = finished
    .filter(isPoll)
    .map((r) => ({ sent: r.timing().startTime, answered: r.timing().startTime + r.timing().responseEnd }))
    .sort((a, b) => a.sent - b.sent)
  expect(
    finished.filter((r) => r.url().includes('/stream')),
    'no event stream in poll mode',
  ).toEqual([])
  expect(polls.length, 'polled until done').toBeGreaterThanOrEqual(1)

  const intervals = polls.slice(1).map((p, i) => p.sent - polls[i]!.sent)
  const meanMs = intervals.reduce((a, b) => a + b, 0) / intervals.length
  // (TIMING=fast: a 1 s job is done at the first poll, so there is no interval to report.)
  if (intervals.length) await perf({ poll_interval_s: Math.round(meanMs) / 1000 })
  // The page waits 5 s after each answer: a slow answer lengthens the interval by its own time.
  const ms = (xs: number[]) => xs.map(Math.round).join(', ')
  await recordValue(testInfo, 'poll intervals (ms)', ms(intervals))
  await recordValue(
    testInfo,
    'wait after each answer (ms)',
    ms(polls.slice(1).map((p, i) => p.sent - polls[i]!.answered)),
  )

  if (STRICT) {
    expect(polls.length, 'a 10 s job is polled twice or more').toBeGreaterThanOrEqual(2)
    for (const gap of intervals) {
      expect(gap, `poll interval ${Math.round(gap)} ms`).toBeGreaterThanOrEqual(
        GUIDE.pollIntervalMs - GUIDE.pollToleranceMs,
      )
      expect(gap, `poll interval ${Math.round(gap)} ms`).toBeLessThanOrEqual(
        GUIDE.pollIntervalMs + GUIDE.pollToleranceMs,
      )
    }
  }
})
