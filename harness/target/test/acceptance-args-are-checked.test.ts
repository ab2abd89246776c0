import { expect, it } from 'vitest'
import { parseAcceptanceArgs } from '../acceptance-args.ts'

it('turns --target, --web and --google into the TARGET_* variables every suite reads', () => {
  const parsed = parseAcceptanceArgs(
    [
      '--target',
      'http://127.0.0.1:8000',
      '--web',
      'http://127.0.0.1:8080',
      '--google',
      'http://127.0.0.1:4020',
    ],
    {},
  )
  expect(parsed).toMatchObject({
    ok: true,
    env: {
      TARGET_API_URL: 'http://127.0.0.1:8000',
      TARGET_WEB_URL: 'http://127.0.0.1:8080',
      TARGET_GOOGLE_URL: 'http://127.0.0.1:4020',
    },
    target: { apiUrl: 'http://127.0.0.1:8000', auth: { kind: 'mock-google' } },
  })
})

it('takes the target from the environment too, and runs locally without one', () => {
  expect(parseAcceptanceArgs([], { TARGET_API_URL: 'https://api.example.com' })).toMatchObject({
    ok: true,
    env: {},
    target: { apiUrl: 'https://api.example.com' },
  })
  expect(parseAcceptanceArgs([], {})).toEqual({ ok: true, env: {}, target: undefined })
})

it('refuses unknown flags, stray words and bad URLs with a message', () => {
  expect(parseAcceptanceArgs(['--traget', 'x'], {})).toMatchObject({ ok: false, error: /--traget/ })
  expect(parseAcceptanceArgs(['http://x'], {})).toMatchObject({ ok: false, error: /positional|argument/i })
  expect(parseAcceptanceArgs(['--target', 'localhost:8000'], {})).toMatchObject({
    ok: false,
    error: /TARGET_API_URL: must be an http\(s\) URL/,
  })
  expect(parseAcceptanceArgs(['--web', 'http://127.0.0.1:8080'], {})).toMatchObject({
    ok: false,
    error: /TARGET_API_URL: required/,
  })
  expect(parseAcceptanceArgs(['--help'], {})).toEqual({ ok: false, help: true, error: '' })
})
