import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

test('when the video is done, the panel is titled "Your Video: Generated with Sora 2" with the "1280x720" and "AI Generated" tags @FE-09', async ({
  studio,
  signedInUser: _user,
}) => {
  await studio.generateFrom(3, GUIDE_PROMPT)
  await expect(studio.success).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await expect(studio.carousel).toBeHidden()
  await expect(studio.loading).toBeHidden()
  await expect(studio.resultTitle).toHaveText('Your Video: Generated with Sora 2')
  await expect(studio.success.getByTestId('tag-resolution')).toHaveText('1280x720')
  await expect(studio.success.getByTestId('tag-ai')).toHaveText('AI Generated')
  await expect(studio.success.getByTestId('result-prompt')).toHaveText(GUIDE_PROMPT)
})
