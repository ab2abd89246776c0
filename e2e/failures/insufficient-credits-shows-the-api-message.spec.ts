import { GuideError } from '../../harness/target/guide-schemas.ts'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

// The videos that spend the balance are not this spec's concern: locally they run as short jobs (on a
// target they take its duration, queued behind the page's refused one, which makes none).
test.use({ soraJobS: SHORT_JOB_S })

/** The reference API's words; a target's 402 may word it otherwise, and the page must show what it said. */
const referenceMessage = (left: number) =>
  `Insufficient credits. Required: ${VIDEO_COST.toFixed(1)}, Available: ${left.toFixed(1)}`

test('with no credits left, Generate shows the API’s "Insufficient credits" message in a toast and charges nothing @failure-path', async ({
  page,
  studio,
  userApi,
  deployment,
}) => {
  // The user spends the balance elsewhere, over the API with the same account: floor(balance / 10)
  // videos, so that less than one video's cost is left (0.0 from the guide's 100.0). The page still shows
  // the balance it loaded.
  const start = await userApi.credits()
  for (let i = 0; i < Math.floor(start / VIDEO_COST); i++) await userApi.generate(GUIDE_PROMPT)
  const left = await userApi.credits()
  expect(left, 'the balance left after spending it over the API').toBeLessThan(VIDEO_COST)
  const videosBefore = (await userApi.videos()).map((v) => v.id).sort((a, b) => a - b)

  const refused = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/videos/generate'),
  )
  await studio.generateFrom(1, GUIDE_PROMPT)
  const answer = await refused
  expect(answer.status()).toBe(402)
  const said = GuideError.parse(await answer.json()).detail
  expect(typeof said, 'the 402 says why in its detail').toBe('string')
  const detail = said as string
  // Our own API's text is the reference's; a target's differing words are not the page's fault.
  if (deployment.mode === 'local') expect(detail).toBe(referenceMessage(left))

  await expect(studio.toast(detail)).toBeVisible({ timeout: BUDGET.answerMs })
  await expect(studio.toast(detail)).toHaveAttribute('role', 'alert')
  // The page learns the real balance, stays ready for another try, and made no video.
  await studio.expectCredits(left, BUDGET.answerMs)
  await expect(studio.generate).toBeEnabled()
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.carousel).toBeVisible()
  expect(await userApi.credits(), 'the refused Generate charged nothing').toBe(left)
  expect(
    (await userApi.videos()).map((v) => v.id).sort((a, b) => a - b),
    'the refused Generate made no video',
  ).toEqual(videosBefore)
})
