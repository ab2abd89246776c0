import { firstEvent, valuesOf } from '../../harness/browser/page-timeline.ts'
import { BUDGET, GUIDE_PROMPT, WATCHED_JOB_S } from '../fixtures/budgets.ts'
import { isGrey } from '../fixtures/colors.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: WATCHED_JOB_S })

test('Generate turns into a grey, disabled "Generating..." while the video is made, and is enabled again when it is done @FE-03', async ({
  studio,
  signedInUser: _user,
  conformance,
}) => {
  await studio.preset(1).click()
  await studio.prompt.fill(GUIDE_PROMPT)
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.generate).toBeEnabled()

  await studio.generate.click()
  await expect(studio.generate).toHaveText('Generating...', { timeout: BUDGET.atOnceMs })
  await expect(studio.generate).toBeDisabled()
  // The guide calls the busy button grey. Ours is grey without its gradient; a button faded to half
  // its opacity reads as grey to a user too (the original app's is), so that passes as a difference.
  const background = await studio.style(studio.generate, 'background-color')
  const gradient = await studio.style(studio.generate, 'background-image')
  const opacity = Number(await studio.style(studio.generate, 'opacity'))
  const grey = isGrey(background) && gradient === 'none'
  expect(
    grey || opacity <= 0.6,
    `the busy button looks disabled: grey, or faded (background ${background}, image ${gradient}, opacity ${opacity})`,
  ).toBe(true)
  await conformance.equal('the busy Generate button: grey without its gradient', true, grey)

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
