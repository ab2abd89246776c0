import { GuideCredits, GuideError, GuideVideo, GuideVideoList } from '../../harness/target/guide-schemas.ts'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

const INVALID: Array<[string, Record<string, unknown>]> = [
  ['a prompt under 10 characters', { prompt: 'too short', model: 'sora-2' }],
  ['a prompt over 500 characters', { prompt: 'x'.repeat(501), model: 'sora-2' }],
  ['no prompt', { model: 'sora-2' }],
  [
    'an image from a metadata address',
    { prompt: GUIDE_PROMPT, reference_image_url: 'http://169.254.169.254/x.png' },
  ],
]
/** The guide names sora-2 only; a deployment that offers more models is a difference, not a defect. */
const OTHER_MODEL = { prompt: GUIDE_PROMPT, model: 'sora-1' }

describe('generate with invalid input', () => {
  test('answers 422 with a JSON detail for each invalid request and charges nothing @OK-07', async ({
    api,
    signedInUser,
    conformance,
  }) => {
    const videoIds = async () =>
      GuideVideoList.parse(
        (await api.get('/api/v1/videos?page_size=100').set(signedInUser.auth).expect(200)).body,
      ).videos.map((v) => v.id)
    // A prepared user may hold videos of earlier runs: only new ones count.
    const before = new Set(await videoIds())
    // Soft: every case is tried, and what the accepted ones cost is seen too.
    for (const [what, body] of INVALID) {
      const res = await api.post('/api/v1/videos/generate').set(signedInUser.auth).send(body)
      expect.soft(res.status, what).toBe(422)
      if (res.status === 422)
        expect.soft(GuideError.safeParse(res.body).success, `${what}: ${res.text}`).toBe(true)
    }
    const other = await api.post('/api/v1/videos/generate').set(signedInUser.auth).send(OTHER_MODEL)
    // Accepted, it is a video like any other: charged once, and it must not leak more.
    const accepted = other.status === 201 ? [GuideVideo.parse(other.body).id] : []
    if (accepted.length)
      await conformance.differs({
        where: `POST /api/v1/videos/generate with model "${OTHER_MODEL.model}"`,
        expected: '422 (sora-2 only)',
        got: '201: more models accepted',
      })
    else {
      expect(other.status, 'another model').toBe(422)
      expect(GuideError.safeParse(other.body).success, other.text).toBe(true)
    }

    const credits = GuideCredits.parse(
      (await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body,
    ).credits
    expect(credits, 'credits: only an accepted other model is charged').toBe(
      signedInUser.startCredits - VIDEO_COST * accepted.length,
    )
    expect((await videoIds()).filter((id) => !before.has(id))).toEqual(accepted)
  })

  test('leaves the ledger with the sign-up credit only @OK-07 @OK-08', async ({
    api,
    stack,
    signedInUser,
  }) => {
    for (const [, body] of [...INVALID, ['another model', OTHER_MODEL] as const])
      await api.post('/api/v1/videos/generate').set(signedInUser.auth).send(body)
    expect(await stack.ledger(signedInUser.id)).toEqual([{ video_id: null, delta: 100, reason: 'signup' }])
    expect(await stack.credits(signedInUser.id)).toBe(100)
  })
})
