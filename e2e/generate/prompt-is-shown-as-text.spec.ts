import { BUDGET, SHORT_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: SHORT_JOB_S })

const XSS_PROMPT = '<img src=x onerror=alert(1)> and a cinematic camera move'

test('a prompt with markup is shown as text while loading and with the result, never run @security', async ({
  page,
  studio,
  signedInUser: _user,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await studio.generateFrom(2, XSS_PROMPT)

  await expect(page.getByTestId('loading-prompt')).toHaveText(XSS_PROMPT)
  await expect(page.getByTestId('result-prompt')).toHaveText(XSS_PROMPT, {
    timeout: BUDGET.jobDoneMs(SHORT_JOB_S),
  })
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(dialogs).toEqual([])
})
