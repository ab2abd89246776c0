import { valuesOf } from '../../harness/browser/page-timeline.ts'
import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

test('a Sora job that fails shows the failure with its error, and the credits go back to 100.0 @failure-path', async ({
  studio,
  mockSora,
  signedInUser: _user,
  consoleLines,
}) => {
  const armed = await mockSora.setFault({ mode: 'fail', count: 1 })
  expect(armed.ok, JSON.stringify(armed)).toBe(true)

  await studio.generateFrom(6, GUIDE_PROMPT)

  await expect(studio.failedPanel).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await expect(studio.errorMessage).toHaveText(/fail/i)
  await expect(studio.failedPanel.getByText(GUIDE_PROMPT, { exact: true })).toBeVisible()
  await expect(studio.successTitle).toBeHidden()
  await studio.expectCredits(100, BUDGET.answerMs)
  await expect(studio.generate).toBeEnabled()
  await expect(studio.generate).toHaveText('Generate')
  // Charged at once, refunded when the job failed.
  expect(valuesOf(await studio.timeline(), 'credits').filter(Boolean)).toEqual(['100', '90', '100'])
  expect(consoleLines.filter((l) => l.startsWith('❌'))).toEqual([
    `❌ Video generation failed: ${await studio.errorMessage.textContent()}`,
  ])
})
