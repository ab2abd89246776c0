import { GUIDE_PROMPT } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test('Generate while logged out shows a toast asking to log in, and sends nothing @failure-path', async ({
  page,
  studio,
  webUrl,
}) => {
  const generateCalls: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/videos')) generateCalls.push(`${r.method()} ${r.url()}`)
  })
  await studio.open(webUrl)
  await expect(studio.login).toBeVisible()

  await studio.generateFrom(1, GUIDE_PROMPT)
  await expect(studio.toast(/please log ?in/i)).toBeVisible()
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.generate).toBeEnabled()
  await expect(studio.carousel).toBeVisible()
  await expect(studio.login).toBeVisible()
  expect(generateCalls).toEqual([])
})
