import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { preparedUser } from '../target-auth.ts'
import { loadTarget, TargetConfigError } from '../target-env.ts'

const API = { TARGET_API_URL: 'https://api.example.com/' }

describe('the target configuration', () => {
  it('is absent without TARGET_API_URL (local mode), also when it is blank', () => {
    expect(loadTarget({})).toBeUndefined()
    expect(loadTarget({ TARGET_API_URL: '' })).toBeUndefined()
  })

  it('defaults to the mock-google strategy and the guide’s 10 s generation', () => {
    expect(
      loadTarget({
        ...API,
        TARGET_WEB_URL: 'http://127.0.0.1:8080',
        TARGET_GOOGLE_URL: 'http://127.0.0.1:4020/',
      }),
    ).toEqual({
      apiUrl: 'https://api.example.com',
      webUrl: 'http://127.0.0.1:8080',
      googleUrl: 'http://127.0.0.1:4020',
      mockSoraUrl: undefined,
      auth: { kind: 'mock-google', googleUrl: 'http://127.0.0.1:4020' },
      soraDurationS: 10,
      jwtSecret: undefined,
      hooks: {},
      uiProfile: undefined,
      storageState: undefined,
    })
  })

  it('reads access tokens as a JSON array or a comma list', () => {
    expect(loadTarget({ ...API, TARGET_ACCESS_TOKENS: '["t1","t2"]' })?.auth).toEqual({
      kind: 'tokens',
      accessTokens: ['t1', 't2'],
      refreshTokens: [],
    })
    expect(loadTarget({ ...API, TARGET_ACCESS_TOKENS: 't1, t2,' })?.auth).toEqual({
      kind: 'tokens',
      accessTokens: ['t1', 't2'],
      refreshTokens: [],
    })
  })

  it('pairs refresh tokens with the access tokens, one per user, and reads the fault hooks', () => {
    const target = loadTarget({
      ...API,
      TARGET_ACCESS_TOKENS: 'a1,a2',
      TARGET_REFRESH_TOKENS: 'r1,r2',
      TARGET_HOOK_REDIS_STOP: 'systemctl stop redis',
      TARGET_HOOK_REDIS_START: ' ',
    })
    expect(target?.auth).toEqual({ kind: 'tokens', accessTokens: ['a1', 'a2'], refreshTokens: ['r1', 'r2'] })
    expect(target?.hooks).toEqual({ 'redis-stop': 'systemctl stop redis' })
    expect(() => loadTarget({ ...API, TARGET_ACCESS_TOKENS: 'a1,a2', TARGET_REFRESH_TOKENS: 'r1' })).toThrow(
      /TARGET_REFRESH_TOKENS: 1 given for 2 access tokens/,
    )
  })

  it('reads the deployment’s mock-sora (TARGET_MOCK_SORA_URL), optional, an http(s) URL, beside TARGET_API_URL only', () => {
    expect(loadTarget({ ...API, TARGET_MOCK_SORA_URL: 'http://127.0.0.1:4010/' })?.mockSoraUrl).toBe(
      'http://127.0.0.1:4010',
    )
    expect(loadTarget({ ...API, TARGET_MOCK_SORA_URL: ' ' })?.mockSoraUrl).toBeUndefined()
    expect(() => loadTarget({ ...API, TARGET_MOCK_SORA_URL: '127.0.0.1:4010' })).toThrow(
      /TARGET_MOCK_SORA_URL: must be an http\(s\) URL/,
    )
    expect(() => loadTarget({ TARGET_MOCK_SORA_URL: 'http://127.0.0.1:4010' })).toThrow(
      /TARGET_API_URL: required when TARGET_MOCK_SORA_URL is set/,
    )
  })

  it('names every bad variable in one error', () => {
    const bad = () =>
      loadTarget({
        TARGET_API_URL: 'ftp://x',
        TARGET_WEB_URL: 'not a url',
        TARGET_USER_IDS: '1,x',
        TARGET_ACCESS_TOKENS: '[1,2]',
      })
    expect(bad).toThrow(TargetConfigError)
    expect(bad).toThrow(/TARGET_API_URL: must be an http\(s\) URL/)
    expect(bad).toThrow(/TARGET_WEB_URL: must be an http\(s\) URL/)
    expect(bad).toThrow(/TARGET_USER_IDS: .*bad: x/)
    expect(bad).toThrow(/TARGET_ACCESS_TOKENS: a JSON array of strings/)
  })

  it('asks for what a chosen strategy needs, and for TARGET_API_URL beside a web or Google URL', () => {
    expect(() => loadTarget({ ...API, TARGET_AUTH: 'jwt' })).toThrow(
      /TARGET_JWT_SECRET: required with TARGET_AUTH=jwt\n {2}TARGET_USER_IDS: required/,
    )
    expect(() => loadTarget({ ...API, TARGET_AUTH: 'tokens' })).toThrow(/TARGET_ACCESS_TOKENS: required/)
    expect(() => loadTarget({ TARGET_WEB_URL: 'http://127.0.0.1:8080' })).toThrow(
      /TARGET_API_URL: required when TARGET_WEB_URL is set/,
    )
  })

  it('checks the UI profile and the storageState file, naming the variable and the profile key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ui-profile-'))
    const file = (name: string, body: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(body))
      return join(dir, name)
    }
    const tokens = { ...API, TARGET_ACCESS_TOKENS: 'a1,a2' }
    const shipped = resolve(import.meta.dirname, '../../../e2e/profiles/ai-video-web.json')
    expect(loadTarget({ ...tokens, TARGET_UI_PROFILE: shipped })?.uiProfile).toBe(shipped)

    const bad = file('bad.json', {
      name: 'x',
      locators: { prompts: 'textarea' },
      session: { storage: 'disk' },
    })
    const err = () => loadTarget({ ...tokens, TARGET_UI_PROFILE: bad })
    expect(err).toThrow(TargetConfigError)
    expect(err).toThrow(/TARGET_UI_PROFILE: Invalid UI profile[\s\S]*locators: .*prompts/)
    expect(err).toThrow(/session\.storage: /)
    expect(() => loadTarget({ ...API, TARGET_UI_PROFILE: shipped })).toThrow(
      /TARGET_UI_PROFILE: its sign-in injects tokens, which needs TARGET_ACCESS_TOKENS/,
    )
    expect(() => loadTarget({ ...API, TARGET_UI_PROFILE: join(dir, 'missing.json') })).toThrow(
      /TARGET_UI_PROFILE: UI profile .*missing\.json: ENOENT/,
    )

    const state = file('state.json', { cookies: [], origins: [{ origin: 'http://w', localStorage: [] }] })
    expect(loadTarget({ ...API, TARGET_STORAGE_STATE: state })?.storageState).toBe(state)
    expect(() => loadTarget({ ...API, TARGET_STORAGE_STATE: file('no.json', { cookies: 1 }) })).toThrow(
      /TARGET_STORAGE_STATE: not a Playwright storageState file \(cookies: /,
    )
    expect(() => loadTarget({ TARGET_UI_PROFILE: shipped })).toThrow(
      /TARGET_API_URL: required when TARGET_UI_PROFILE/,
    )
  })

  it('mints HS256 access tokens in the API’s claims for the given users in turn', async () => {
    const secret = 'a-shared-secret-of-the-deployment'
    const target = loadTarget({ ...API, TARGET_JWT_SECRET: secret, TARGET_USER_IDS: '7, 9' })
    if (target?.auth.kind !== 'jwt') throw new Error(`expected the jwt strategy, got ${target?.auth.kind}`)
    const key = new TextEncoder().encode(secret)
    const subjects = []
    for (const pick of [0, 1]) {
      const { payload, protectedHeader } = await jwtVerify(
        (await preparedUser(target.auth, pick)).accessToken,
        key,
      )
      expect(protectedHeader.alg).toBe('HS256')
      expect(payload.typ).toBe('access')
      subjects.push(payload.sub)
    }
    expect(subjects).toEqual(['7', '9'])
  })
})
