import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { onTestFinished } from 'vitest'
import { loadMockGoogleConfig, type MockGoogleConfig } from '../../shared/config.ts'
import { buildMockGoogle } from '../src/app.ts'
import type { GoogleUser } from '../src/users.ts'

export const CLIENT_ID = 'test-client'
export const CLIENT_SECRET = 'test-secret'
export const REDIRECT_URI = 'http://127.0.0.1:8080/auth/callback'

export const TEST_USERS: GoogleUser[] = [
  { sub: '1000001', email: 'alice@example.test', name: 'Alice Tester', picture: null },
  { sub: '1000002', email: 'bob@example.test', name: 'Bob Builder', picture: '/avatars/bob.png' },
]

export function testConfig(overrides: Partial<Record<string, string>> = {}): MockGoogleConfig {
  return loadMockGoogleConfig({
    MOCK_GOOGLE_CLIENT_ID: CLIENT_ID,
    MOCK_GOOGLE_CLIENT_SECRET: CLIENT_SECRET,
    LOG_LEVEL: 'info',
    ...overrides,
  })
}

export type TestApp = {
  app: FastifyInstance
  /** Every log line the app wrote, parsed; raw text too, to prove secrets never appear in it. */
  logs: Array<Record<string, unknown>>
  rawLogs: () => string
  clock: { now: number }
}

/**
 * A fresh app for the current test (closed when it finishes), with a movable clock and a logger that keeps
 * its lines unredacted, so a test can prove no secret is ever handed to it.
 */
export async function buildTestApp(
  opts: { users?: GoogleUser[]; config?: MockGoogleConfig } = {},
): Promise<TestApp> {
  const lines: string[] = []
  const logs: Array<Record<string, unknown>> = []
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line)
        logs.push(JSON.parse(line))
      }
      cb()
    },
  })
  const clock = { now: Date.now() }
  const app = await buildMockGoogle(opts.config ?? testConfig(), {
    users: opts.users ?? TEST_USERS,
    logger: pino({ level: 'info' }, sink),
    now: () => clock.now,
  })
  onTestFinished(() => app.close())
  await app.ready()
  return {
    app,
    logs,
    rawLogs: () => lines.join('\n'),
    clock,
  }
}

export function authorizeQuery(extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid email profile',
    state: 'state-123',
    ...extra,
  }).toString()
}

/** Signs `email` in through prompt=none and returns the code from the redirect. */
export async function obtainCode(
  app: FastifyInstance,
  email = 'alice@example.test',
  redirectUri = REDIRECT_URI,
) {
  const res = await app.inject({
    url: `/o/oauth2/v2/auth?${authorizeQuery({ login_hint: email, prompt: 'none', redirect_uri: redirectUri })}`,
  })
  if (res.statusCode !== 302) throw new Error(`authorize answered ${res.statusCode}: ${res.body}`)
  const code = new URL(res.headers.location as string).searchParams.get('code')
  if (!code) throw new Error(`no code in ${res.headers.location}`)
  return code
}

export function exchange(app: FastifyInstance, fields: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url: '/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: REDIRECT_URI,
      ...fields,
    }).toString(),
  })
}
