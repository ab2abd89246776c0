import { expect, it } from 'vitest'
import { LogEvent } from '../../shared/log-events.ts'
import { buildTestApp, exchange, obtainCode } from './helpers.ts'

it('logs authorized and token events without the code or any token value', async () => {
  const { app, logs, rawLogs } = await buildTestApp()
  const code = await obtainCode(app)
  const tokens = (await exchange(app, { code })).json()
  await app.inject({
    url: '/oauth2/v3/userinfo',
    headers: { authorization: `Bearer ${tokens.access_token}` },
  })

  expect(logs.map((l) => l.event)).toEqual(
    expect.arrayContaining([LogEvent.googleAuthorized, LogEvent.googleToken]),
  )
  const raw = rawLogs()
  for (const secret of [code, tokens.access_token, tokens.id_token]) expect(raw).not.toContain(secret)
})
