import { describe, expect, it } from 'vitest'
import { UserResponse } from '../../../system/shared/schemas/auth.ts'
import { Conformance, ReferenceMismatch } from '../conformance.ts'
import { GuideUser } from '../guide-schemas.ts'

/** The original app's /auth/me: a naive timestamp, no avatar_url. */
const theirs = {
  id: 3,
  email: 'qa.user+3@example.com',
  name: 'QA',
  credits: 100.0,
  created_at: '2026-12-04T18:10:00.123456',
}

describe('conformance to the reference', () => {
  it('lets the guide’s view parse an answer that the strict schema refuses', () => {
    expect(GuideUser.parse(theirs)).toMatchObject({ id: 3, credits: 100 })
    expect(UserResponse.safeParse(theirs).success).toBe(false)
    expect(GuideUser.safeParse({ ...theirs, created_at: 'yesterday' }).success).toBe(false)
  })

  it('fails the test against the reference itself, naming where, expected and got', async () => {
    await expect(new Conformance(true).schema('GET /api/v1/auth/me', UserResponse, theirs)).rejects.toThrow(
      ReferenceMismatch,
    )
    await expect(new Conformance(true).equal('GET /auth/me without a token', 401, 403)).rejects.toThrow(
      'differs from the reference: GET /auth/me without a token: expected 401, got 403',
    )
  })

  it('records without failing against a target, and says nothing when the answer conforms', async () => {
    await expect(
      new Conformance(false).schema('GET /api/v1/auth/me', UserResponse, theirs),
    ).resolves.toBeUndefined()
    await expect(new Conformance(true).equal('status', 401, 401)).resolves.toBeUndefined()
  })
})
