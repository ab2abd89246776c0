import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { guideLines, guideSequence } from '../fixtures/console-lines.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

test('the browser console shows the guide’s lines in its order: 🎬, ✅, 📊 pending, processing…, completed, 🎉 @FE-05', async ({
  studio,
  signedInUser: _user,
  consoleLines,
}) => {
  await studio.generateFrom(2, GUIDE_PROMPT)
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await expect.poll(() => guideLines(consoleLines).at(-1)).toBe('🎉 Video generation completed!')

  expect(guideSequence(consoleLines)).toEqual([
    '🎬 Generating video with',
    '✅ Video generation task created',
    '📊 Video status: pending',
    '📊 Video status: processing',
    '📊 Video status: completed',
    '🎉 Video generation completed!',
  ])
  const generating = consoleLines.find((l) => l.startsWith('🎬'))!
  expect(generating).toContain('sora-2')
  expect(consoleLines.filter((l) => l.startsWith('❌') || l.startsWith('⚠️'))).toEqual([])
})
