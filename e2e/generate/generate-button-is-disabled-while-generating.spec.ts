import { firstEvent, valuesOf } from '../../harness/browser/page-timeline.ts'
import { BUDGET, GUIDE_PROMPT, WATCHED_JOB_S } from '../fixtures/budgets.ts'
import { isGrey } from '../fixtures/colors.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: WATCHED_JOB_S })

test('Generate turns into a grey, disabled "Generating..." while the video is made, and is enabled again when it is done @FE-03', async ({
  studio,
  signedInUser: _user,
}) => {
  await studio.preset(1).click()
  await studio.prompt.fill(GUIDE_PROMPT)
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.generate).toBeEnabled()

  await studio.generate.click()
  await expect(studio.generate).toHaveText('Generating...', { timeout: BUDGET.atOnceMs })
  await expect(studio.generate).toBeDisabled()
  const background = await studio.style(studio.generate, 'background-color')
  const gradient = await studio.style(studio.generate, 'background-image')
  expect(
    { grey: isGrey(background), gradient: gradient !== 'none' },
    `the busy button is grey, without its purple gradient (background ${background}, image ${gradient})`,
  ).toEqual({ grey: true, gradient: false })

  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(WATCHED_JOB_S) })
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.generate).toBeEnabled()

  // In order: busy from the click, free again only once the result is on screen.
  const events = await studio.timeline()
  const clicked = firstEvent(events, 'generate-click')!
  const busy = firstEvent(events, 'button', 'disabled:Generating...', clicked.t)
  const done = firstEvent(events, 'phase', 'success', clicked.t)
  const free = firstEvent(events, 'button', 'enabled:Generate', clicked.t)
  expect(busy && done && free, 'busy, done and free again were all seen').toBeTruthy()
  expect(busy!.t).toBeLessThanOrEqual(done!.t)
  expect(free!.t).toBeGreaterThanOrEqual(done!.t)
  expect(valuesOf(events, 'button').filter((v) => v.startsWith('enabled')).length).toBe(2)
})
