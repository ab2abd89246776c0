import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { guideLines, guideSequence } from '../fixtures/console-lines.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

test('the browser console shows the guide’s lines in its order: 🎬, ✅, 📊 pending, processing…, completed, 🎉 @FE-05', async ({
  studio,
  signedInUser: _user,
  consoleLines,
  conformance,
}) => {
  await studio.generateFrom(2, GUIDE_PROMPT)
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await expect.poll(() => guideLines(consoleLines).at(-1)).toBe('🎉 Video generation completed!')

  // The guide's 📊 pending comes from a poll made before the worker took the job: a page whose first
  // poll comes later (the original app's, 5 s after the click) starts at processing. Both keep the order.
  const guide = [
    '🎬 Generating video with',
    '✅ Video generation task created',
    '📊 Video status: pending',
    '📊 Video status: processing',
    '📊 Video status: completed',
    '🎉 Video generation completed!',
  ]
  const fromProcessing = guide.filter((l) => l !== '📊 Video status: pending')
  const sequence = guideSequence(consoleLines)
  expect([guide, fromProcessing], `the console's guide lines: ${sequence.join(' | ')}`).toContainEqual(
    sequence,
  )
  await conformance.equal('the console’s 📊 lines start at pending', guide, sequence)
  const generating = consoleLines.find((l) => l.startsWith('🎬'))!
  expect(generating).toContain('sora-2')
  expect(consoleLines.filter((l) => l.startsWith('❌') || l.startsWith('⚠️'))).toEqual([])
})
