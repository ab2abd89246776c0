import { GuideError, GuideVideo } from '../../harness/target/guide-schemas.ts'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

/**
 * The prompt must be 10..500 characters after trimming, counted in code points as the schema (and the
 * original's Python) counts them, and as the page's counter now does: an emoji is one character, even
 * where JavaScript's `length` says 2. Accepted prompts come back exactly as sent. Trimming before
 * counting is the reference's own (the guide counts the characters): that case is conformance.
 */
const TRIMMED = '9 characters padded with spaces to 15'
const CASES: Array<[string, string, 201 | 422]> = [
  ['9 characters', 'a'.repeat(9), 422],
  ['10 characters', 'b'.repeat(10), 201],
  ['500 characters', 'c'.repeat(500), 201],
  ['501 characters', 'd'.repeat(501), 422],
  [TRIMMED, `   ${'e'.repeat(9)}   `, 422],
  ['10 CJK characters', '一只猫在月光下跳舞吧', 201],
  ['10 emoji', '🎬🎉📊🎥🎞🎬🎉📊🎥✅', 201],
  ['9 emoji (18 UTF-16 units)', '🎬🎉📊🎥🎞🎬🎉📊🎥', 422],
  ['500 emoji', '🎬'.repeat(500), 201],
  ['501 emoji', '🎬'.repeat(501), 422],
  ['right-to-left text with combining marks', 'مرحبا بالعالم ́ ̈ وداعا', 201],
]

describe('prompt length and characters', () => {
  test('9/10/500/501 characters, unicode and emoji: 201 exactly within 10..500, else 422 with a detail @BAD-06', async ({
    api,
    localStack,
    user,
    conformance,
  }) => {
    const accepted: number[] = []
    for (const [what, prompt, expected] of CASES) {
      const res = await api.post('/api/v1/videos/generate').set(user.auth).send({ prompt, model: 'sora-2' })
      if (what === TRIMMED) await conformance.equal(`generate with ${what}: status`, expected, res.status)
      else expect(res.status, what).toBe(expected)
      if (res.status !== 201) {
        const detail = GuideError.parse(res.body).detail
        expect(JSON.stringify(detail), what).toContain('prompt')
        continue
      }
      await conformance.schema(`generate with ${what}: VideoResponse`, VideoResponse, res.body)
      const video = GuideVideo.parse(res.body)
      expect(video.prompt, what).toBe(prompt)
      const again = GuideVideo.parse(
        (await api.get(`/api/v1/videos/${video.id}`).set(user.auth).expect(200)).body,
      )
      expect(again.prompt, `${what}: stored as sent`).toBe(prompt)
      accepted.push(video.id)
    }
    expect(accepted.length).toBeGreaterThanOrEqual(CASES.filter((c) => c[2] === 201).length)
    if (localStack) {
      const [ledger] = await expectCreditInvariant(localStack, [user.id])
      expect(ledger).toMatchObject({ videos: accepted.length })
    }
  })
})
