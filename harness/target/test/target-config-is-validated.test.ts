import { jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { preparedUserToken } from '../target-auth.ts'
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
      auth: { kind: 'mock-google', googleUrl: 'http://127.0.0.1:4020' },
      soraDurationS: 10,
    })
  })

  it('reads access tokens as a JSON array or a comma list', () => {
    expect(loadTarget({ ...API, TARGET_ACCESS_TOKENS: '["t1","t2"]' })?.auth).toEqual({
      kind: 'tokens',
      accessTokens: ['t1', 't2'],
    })
    expect(loadTarget({ ...API, TARGET_ACCESS_TOKENS: 't1, t2,' })?.auth).toEqual({
      kind: 'tokens',
      accessTokens: ['t1', 't2'],
    })
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

  it('mints HS256 access tokens in the API’s claims for the given users in turn', async () => {
    const secret = 'a-shared-secret-of-the-deployment'
    const target = loadTarget({ ...API, TARGET_JWT_SECRET: secret, TARGET_USER_IDS: '7, 9' })
    if (target?.auth.kind !== 'jwt') throw new Error(`expected the jwt strategy, got ${target?.auth.kind}`)
    const key = new TextEncoder().encode(secret)
    const subjects = []
    for (const pick of [0, 1, 2]) {
      const { payload, protectedHeader } = await jwtVerify(await preparedUserToken(target.auth, pick), key)
      expect(protectedHeader.alg).toBe('HS256')
      expect(payload.typ).toBe('access')
      subjects.push(payload.sub)
    }
    expect(subjects).toEqual(['7', '9', '7'])
  })
})
