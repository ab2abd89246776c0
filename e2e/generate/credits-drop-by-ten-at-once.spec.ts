import { firstEvent } from '../../harness/browser/page-timeline.ts'
import { GuideVideo } from '../../harness/target/guide-schemas.ts'
import { BUDGET, GUIDE_PROMPT, WATCHED_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'
import { userApiOfPage } from '../fixtures/user-api.ts'

// Long enough that the server can be asked about the balance while the video is still being made.
test.use({ soraJobS: WATCHED_JOB_S })

test('credits drop from 100.0 to 90.0 in the navbar as soon as the API accepts the video, long before it is done @FE-08', async ({
  page,
  studio,
  stackCheck,
  signedInUser,
  deployment,
}) => {
  await studio.expectCredits(100)
  const accepted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/videos/generate'),
  )
  await studio.generateFrom(1, GUIDE_PROMPT)
  const created = await accepted
  expect(created.status()).toBe(201)

  // The server's balance, not only the page's: read as the page's own user right after the 201, then
  // the video's status, which shows the balance was read before the video was done. A system that
  // charged at completion would answer 100.0 here while its page showed 90.0.
  const api = await userApiOfPage(deployment.apiUrl, created.request())
  const video = GuideVideo.parse(await created.json())
  const balance = (await api.me()).credits
  const meanwhile = await api.video(video.id)
  expect(['pending', 'processing'], `video ${video.id} after the balance was read`).toContain(
    meanwhile.status,
  )
  expect(balance, "the server's balance (GET /auth/me) while the video was under way").toBe(90)
  await studio.expectCredits(90, BUDGET.atOnceMs)

  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(WATCHED_JOB_S) })
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
