import { BUDGET, GUIDE, GUIDE_PROMPT } from '../fixtures/budgets.ts'
import { guideLines } from '../fixtures/console-lines.ts'
import { expect, test } from '../fixtures/test.ts'

test('with ?transport=poll the page polls every 5 s and logs the guide’s console lines word for word @FE-05 @PERF-03', async ({
  page,
  studio,
  webUrl,
  consoleLines,
}) => {
  const polls: number[] = []
  page.on('request', (req) => {
    if (req.method() === 'GET' && /\/api\/v1\/videos\/\d+$/.test(new URL(req.url()).pathname))
      polls.push(Date.now())
  })
  await studio.open(webUrl, '?transport=poll')
  await studio.signIn('carol@example.test', BUDGET.signInMs)
  await expect(page.locator('body')).toHaveAttribute('data-transport', 'poll')
  await studio.preset(3).click()
  await studio.prompt.fill(GUIDE_PROMPT)
  await studio.generate.click()
  await expect(studio.resultTitle).toBeVisible({ timeout: BUDGET.clickToPlayingPollMs })

  const lines = guideLines(consoleLines)
  expect(lines.slice(0, 3)).toEqual([
    '🎬 Generating video with',
    '✅ Video generation task created',
    '📊 Video status: pending',
  ])
  expect(lines.slice(-2)).toEqual(['📊 Video status: completed', '🎉 Video generation completed!'])
  expect(new Set(lines.slice(3, -2))).toEqual(new Set(['📊 Video status: processing']))
  // One poll per interval: the gaps are the guide's 5 s (timer jitter and a round trip aside).
  const gaps = polls.slice(1).map((t, i) => t - polls[i]!)
  expect(polls.length).toBeGreaterThanOrEqual(2)
  for (const gap of gaps) expect(gap).toBeGreaterThan(GUIDE.pollIntervalMs - 250)
  for (const gap of gaps) expect(gap).toBeLessThan(GUIDE.pollIntervalMs + 1000)
})
