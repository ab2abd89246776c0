import { BUDGET, GUIDE_PROMPT } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'
import { setCredits } from '../fixtures/users.ts'

const MESSAGE = 'Insufficient credits. Required: 10.0, Available: 0.0'

test('with no credits left, Generate shows the API’s "Insufficient credits" message in a toast and charges nothing @failure-path', async ({
  page,
  studio,
  stack,
  signedInUser,
}) => {
  await setCredits(stack.db, signedInUser.email!, 0)
  const refused = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/videos/generate'),
  )
  await studio.generateFrom(1, GUIDE_PROMPT)
  expect((await refused).status()).toBe(402)

  await expect(studio.toast(MESSAGE)).toBeVisible({ timeout: BUDGET.answerMs })
  await expect(studio.toast(MESSAGE)).toHaveAttribute('role', 'alert')
  // The page learns the real balance, stays ready for another try, and made no video.
  await studio.expectCredits(0, BUDGET.answerMs)
  await expect(studio.generate).toBeEnabled()
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.carousel).toBeVisible()
  const videos = await stack.db.query(
    'SELECT v.id FROM videos v JOIN users u ON u.id = v.user_id WHERE u.email = $1',
    [signedInUser.email],
  )
  expect(videos.rows).toEqual([])
})
