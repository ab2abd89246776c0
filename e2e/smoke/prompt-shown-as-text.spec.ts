import { BUDGET } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

const XSS_PROMPT = '<img src=x onerror=alert(1)>'

test('a prompt with markup is shown as text, never run @SEC-XSS', async ({ page, studio, webUrl }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await studio.open(webUrl)
  await studio.signIn('bob@example.test', BUDGET.signInMs)
  await studio.preset(2).click()
  await studio.prompt.fill(XSS_PROMPT)
  await studio.generate.click()

  await expect(page.getByTestId('loading-prompt')).toHaveText(XSS_PROMPT)
  await expect(page.getByTestId('result-prompt')).toHaveText(XSS_PROMPT, { timeout: BUDGET.clickToPlayingMs })
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(dialogs).toEqual([])
})
