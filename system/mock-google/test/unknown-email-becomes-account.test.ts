import { describe, expect, it } from 'vitest'
import { buildTestApp, exchange, obtainCode, TEST_USERS } from './helpers.ts'

async function signInProfile(app: Awaited<ReturnType<typeof buildTestApp>>['app'], email: string) {
  const { access_token } = (await exchange(app, { code: await obtainCode(app, email) })).json()
  return (
    await app.inject({ url: '/oauth2/v3/userinfo', headers: { authorization: `Bearer ${access_token}` } })
  ).json()
}

describe('an email not in the fixtures', () => {
  it('becomes a new account with a derived name and a sub that stays the same', async () => {
    const { app } = await buildTestApp()
    const first = await signInProfile(app, 'Carol.New+e2e-7@Example.test')
    expect(first).toMatchObject({ email: 'carol.new+e2e-7@example.test', name: 'Carol New', picture: null })
    expect(first.sub).toMatch(/^\d{21}$/)
    expect(TEST_USERS.map((u) => u.sub)).not.toContain(first.sub)
    expect((await signInProfile(app, 'carol.new+e2e-7@example.test')).sub).toBe(first.sub)

    // A restarted mock-google gives the same account the same sub: the API keys users on it.
    const { app: restarted } = await buildTestApp()
    expect((await signInProfile(restarted, 'carol.new+e2e-7@example.test')).sub).toBe(first.sub)
    expect((await signInProfile(restarted, 'dan@example.test')).sub).not.toBe(first.sub)
  })

  it('matches a fixture account whatever the case of the email', async () => {
    const { app } = await buildTestApp()
    expect(await signInProfile(app, 'ALICE@example.test')).toMatchObject({
      sub: '1000001',
      name: 'Alice Tester',
    })
  })
})
