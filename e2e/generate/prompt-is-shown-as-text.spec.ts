import { BUDGET, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

const XSS_PROMPT = '<img src=x onerror=alert(1)> and a cinematic camera move'

test('a prompt with markup is shown as text while loading and with the result, never run @security', async ({
  page,
  studio,
  deployment,
  signedInUser: _user,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await studio.generateFrom(2, XSS_PROMPT)
  const echoed = page.getByText(XSS_PROMPT, { exact: true }).filter({ visible: true })
  // Ours echoes the prompt in the loading and result panels; the guide asks no echo of other frontends.
  if (deployment.mode === 'local') await expect(echoed).toHaveCount(1)
  await expect(studio.successTitle).toBeVisible({ timeout: BUDGET.jobDoneMs(SHORT_JOB_S) })
  if (deployment.mode === 'local') await expect(echoed).toHaveCount(1)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(dialogs).toEqual([])
})
