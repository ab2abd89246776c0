import { BUDGET } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test('uploading a file that is not an image shows why it was refused, and adds nothing to the grid @failure-path', async ({
  page,
  studio,
  signedInUser: _user,
}) => {
  const refused = page
    .waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/upload/image'), {
      timeout: BUDGET.answerMs,
    })
    .catch(() => {
      throw new Error(
        'the page sent no POST /api/v1/upload/image for the chosen file: its upload control did nothing',
      )
    })
  await studio.upload({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('meeting notes, definitely not a picture\n'),
  })
  expect((await refused).status()).toBe(400)

  await expect(studio.toast('Upload rejected: Only JPEG, PNG or WebP images are accepted')).toBeVisible({
    timeout: BUDGET.answerMs,
  })
  await expect(studio.uploadedChoice).toHaveCount(0)
  await expect(studio.selectedChoice).toHaveCount(0)
  await expect(page.getByText('Upload', { exact: true })).toBeVisible()
})
