import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'

/** The API's JSON body limit is 1 MiB (1,048,576 bytes); one byte more is refused before parsing. */
const LIMIT = 1024 * 1024

function jsonOfSize(bytes: number, field = 'prompt'): string {
  const shell = JSON.stringify({ [field]: '', model: 'sora-2' })
  return JSON.stringify({ [field]: 'x'.repeat(bytes - shell.length), model: 'sora-2' })
}

describe('a 1 MB JSON body', () => {
  test('just over the 1 MiB limit answers 413 with a detail, on generate and on sign-in alike @BAD-09', async ({
    api,
    user,
  }) => {
    const big = jsonOfSize(LIMIT + 1)
    expect(Buffer.byteLength(big)).toBe(LIMIT + 1)
    const generate = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .set('content-type', 'application/json')
      .send(big)
    expect([generate.status, generate.body]).toEqual([413, { detail: 'Request body too large' }])
    const signIn = await api
      .post('/api/v1/auth/google')
      .set('content-type', 'application/json')
      .send(jsonOfSize(LIMIT + 1, 'code'))
    expect(signIn.status).toBe(413)
    ErrorResponse.parse(signIn.body)
    // At the limit it is parsed, and refused for what it says (the prompt is far too long).
    const atLimit = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .set('content-type', 'application/json')
      .send(jsonOfSize(LIMIT))
    expect(atLimit.status).toBe(422)
    expect((await api.get('/api/v1/users/credits').set(user.auth).expect(200)).body.credits).toBe(100)
  })
})
