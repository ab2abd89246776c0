import { expect, it } from 'vitest'
import { isWholeLocalRun, parseAcceptanceArgs } from '../acceptance-args.ts'

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
  expect(parseAcceptanceArgs([], {})).toEqual({
    ok: true,
    env: {},
    target: undefined,
    suites: ['e2e', 'contracts', 'api', 'reliability'],
    strictConformance: false,
  })
})

it('runs only the suites --suites names, in the default order, and passes --strict-conformance on', () => {
  expect(parseAcceptanceArgs(['--suites', 'reliability,api', '--strict-conformance'], {})).toMatchObject({
    ok: true,
    suites: ['api', 'reliability'],
    strictConformance: true,
  })
  expect(parseAcceptanceArgs(['--suites', 'api,unit'], {})).toMatchObject({
    ok: false,
    error: /--suites: unknown suite unit/,
  })
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

it('passes --ui-profile on as TARGET_UI_PROFILE, checked with the rest', () => {
  const profile = 'e2e/profiles/ai-video-web.json'
  const argv = [
    '--target',
    'http://127.0.0.1:18000',
    '--web',
    'http://127.0.0.1:13000',
    '--ui-profile',
    profile,
  ]
  expect(parseAcceptanceArgs(argv, { TARGET_ACCESS_TOKENS: 'a1' })).toMatchObject({
    ok: true,
    env: { TARGET_UI_PROFILE: profile },
    target: { uiProfile: profile },
  })
  expect(parseAcceptanceArgs([...argv.slice(0, 4), '--ui-profile', 'nope.json'], {})).toMatchObject({
    ok: false,
    error: /TARGET_UI_PROFILE: UI profile nope\.json: ENOENT/,
  })
})

it('calls only a local run of every suite a whole run (the one the bench reports)', () => {
  const parsed = (argv: string[]) => {
    const args = parseAcceptanceArgs(argv, {})
    if (!args.ok) throw new Error(args.error)
    return args
  }
  expect(isWholeLocalRun(parsed([]))).toBe(true)
  expect(isWholeLocalRun(parsed(['--suites', 'reliability']))).toBe(false)
  expect(
    isWholeLocalRun(parsed(['--target', 'http://127.0.0.1:8000', '--web', 'http://127.0.0.1:8080'])),
  ).toBe(false)
})
