import { BUDGET, GUIDE, GUIDE_PROMPT, STRICT } from '../fixtures/budgets.ts'
import { recordValue } from '../fixtures/evidence.ts'
import { expect, test } from '../fixtures/test.ts'

// The original's transport, and the guide's 10 s job: polled 5 and 10 s after the 201 at least.
test.use({ transport: 'poll' })

const isPoll = (url: string) => /\/api\/v1\/videos\/\d+$/.test(new URL(url).pathname)

test('with ?transport=poll the page asks GET /api/v1/videos/{id} every 5 s (± 0.5 s) until the video is done @PERF-03', async ({
  page,
  studio,
  signedInUser: _user,
  perf,
}, testInfo) => {
  // The frontend's own interval, from its requests as they leave the page.
  const polls: number[] = []
  const streams: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'GET' && isPoll(r.url())) polls.push(Date.now())
    if (r.url().includes('/stream')) streams.push(r.url())
  })
  await studio.generateFrom(3, GUIDE_PROMPT)
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.clickToPlayingPollMs })
  expect(streams, 'no event stream in poll mode').toEqual([])
  expect(polls.length, 'polled until done').toBeGreaterThanOrEqual(1)

  const intervals = polls.slice(1).map((t, i) => t - polls[i]!)
  const meanMs = intervals.reduce((a, b) => a + b, 0) / intervals.length
  // (TIMING=fast: a 1 s job is done at the first poll, so there is no interval to report.)
  if (intervals.length) await perf({ poll_interval_s: Math.round(meanMs) / 1000 })
  await recordValue(testInfo, 'poll intervals (ms)', intervals.map(Math.round).join(', '))

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
