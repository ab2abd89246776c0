import { BUDGET } from '../fixtures/budgets.ts'
import { expect, SESSION, test } from '../fixtures/test.ts'

// The sign-in is this test's concern.
test.use({ chooserSignIn: true })

test('Login goes through the Google account chooser and back; the navbar then shows the name and 100.0 credits @FE-01', async ({
  page,
  studio,
  webUrl,
  deployment,
  stackCheck,
  user,
  signIn,
}, testInfo) => {
  await studio.open(webUrl)
  await expect(studio.login).toBeVisible()
  await expect(studio.credits).toBeHidden()

  if (SESSION === 'mock-google') {
    await studio.login.click()
    await expect(page).toHaveURL(new RegExp(`^${deployment.googleUrl}/o/oauth2/v2/auth\\?`))
    await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
    await page.getByLabel('Email').fill(user.email!)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(studio.credits).toBeVisible({ timeout: BUDGET.signInMs })
  } else {
    // Google itself is out of reach: the session is put in the page's storage, as its Login would.
    testInfo.annotations.push({
      type: 'not checked',
      description: `the Login → Google round trip: signed in by ${SESSION}`,
    })
    await signIn()
  }

  if (user.name) await expect(studio.account).toContainText(user.name, { timeout: BUDGET.signInMs })
  await studio.expectCredits(100)
  await expect(studio.login).toBeHidden()
  // Back on the page, with the callback's code out of the address bar.
  expect(new URL(page.url()).origin).toBe(new URL(webUrl).origin)
  expect(page.url()).not.toContain('code=')

  await stackCheck('the users row holds the name and 100 credits', async (stack) => {
    const row = await stack.db.query<{ name: string; credits: number }>(
      'SELECT name, credits FROM users WHERE email = $1',
      [user.email],
    )
    expect(row.rows).toEqual([{ name: user.name, credits: 100 }])
  })
})
