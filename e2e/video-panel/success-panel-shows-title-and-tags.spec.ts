import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

test('when the video is done, the panel is titled "Your Video: Generated with Sora 2" with the "1280x720" and "AI Generated" tags @FE-09', async ({
  studio,
  signedInUser: _user,
}) => {
  await studio.generateFrom(3, GUIDE_PROMPT)
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await expect(studio.loadingPanel).toBeHidden()
  await expect(studio.carouselDots.first()).toBeHidden()
  await expect(studio.resultVideo).toBeVisible()
  await expect(studio.resolutionTag).toBeVisible()
  await expect(studio.aiTag).toBeVisible()
})
