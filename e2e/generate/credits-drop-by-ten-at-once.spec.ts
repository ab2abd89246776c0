import { firstEvent } from '../../harness/browser/page-timeline.ts'
import { BUDGET, GUIDE_PROMPT, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

test('credits drop from 100.0 to 90.0 in the navbar as soon as the API accepts the video, long before it is done @FE-08', async ({
  page,
  studio,
  stackCheck,
  signedInUser,
}) => {
  await studio.expectCredits(100)
  const accepted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/videos/generate'),
  )
  await studio.generateFrom(1, GUIDE_PROMPT)
  expect((await accepted).status()).toBe(201)
  await studio.expectCredits(90, BUDGET.atOnceMs)

  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  await studio.expectCredits(90)
  const events = await studio.timeline()
  const clicked = firstEvent(events, 'generate-click')!
  const charged = firstEvent(events, 'credits', '90', clicked.t)
  const done = firstEvent(events, 'phase', 'success', clicked.t)
  expect(charged, 'the navbar showed 90').toBeDefined()
  expect(charged!.t - clicked.t, 'click → 90, ms').toBeLessThan(BUDGET.atOnceMs)
  expect(charged!.t, 'shown while generating, before the video was done').toBeLessThan(done!.t)

  await stackCheck('the database holds the balance the navbar shows', async (stack) => {
    const balance = await stack.db.query<{ credits: number }>('SELECT credits FROM users WHERE email = $1', [
      signedInUser.email,
    ])
    expect(balance.rows[0]?.credits).toBe(90)
  })
})
