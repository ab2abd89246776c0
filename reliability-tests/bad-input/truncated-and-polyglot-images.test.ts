import { readFileSync } from 'node:fs'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { GUIDE_PROMPT, generate, REFERENCE_IMAGE } from '../../api-tests/support/videos.ts'
import { GuideError, GuideUpload } from '../../harness/target/guide-schemas.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

const PNG = readFileSync(REFERENCE_IMAGE)
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')

/**
 * The upload checks an image by its first bytes (JPEG, PNG, WebP), as designed. So a file that starts
 * like a PNG is stored — as a .png, served as image/png with nosniff, never as what else it contains —
 * and a truncated one fails its video later (Sora cannot read it) with a refund. Anything that does
 * not start like one of the three is refused at once. The guide's verdict: a non-image is refused with
 * a 4xx, and whatever is stored is served as an image; the reference's 400, its text, its acceptance of
 * the polyglot and the failed (refunded) video of a truncated image are conformance.
 */
describe('truncated and polyglot images', () => {
  test('a PNG/HTML polyglot is stored and served only as image/png; other types are refused with 400 @BAD-11', async ({
    api,
    suite,
    user,
    offered,
    conformance,
  }) => {
    await offered(suite.capabilities.uploads)
    const upload = (bytes: Buffer, filename: string, contentType: string) =>
      api.post('/api/v1/upload/image').set(user.auth).attach('file', bytes, { filename, contentType })

    const polyglot = await upload(Buffer.concat([PNG.subarray(0, 64), HTML]), 'page.html', 'text/html')
    expect(polyglot.status).toBeLessThan(500)
    await conformance.equal('upload of a PNG/HTML polyglot: status', 200, polyglot.status)
    if (polyglot.status === 200) {
      const stored = GuideUpload.parse(polyglot.body)
      expect(stored.file_path).not.toMatch(/\.html?$/)
      const served = await api.get(stored.file_path)
      expect(served.status).toBe(200)
      expect(served.headers['content-type']).toMatch(/^image\//)
      await conformance.equal('polyglot served: content-type', 'image/png', served.headers['content-type'])
      await conformance.equal(
        'polyglot served: x-content-type-options',
        'nosniff',
        served.headers['x-content-type-options'],
      )
    }

    const accepted: string[] = []
    for (const [what, bytes, type] of [
      ['HTML first, PNG after', Buffer.concat([HTML, PNG]), 'image/png'],
      [
        'an SVG with a script',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'image/svg+xml',
      ],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/gif'],
      ['text declared as PNG', Buffer.from('just some text, not an image at all'), 'image/png'],
      ['two bytes of a JPEG', Buffer.from([0xff, 0xd8]), 'image/jpeg'],
      ['an empty file', Buffer.alloc(0), 'image/png'],
    ] as const) {
      const res = await upload(bytes, 'x.png', type)
      expect(res.status, what).toBeLessThan(500)
      if (res.status < 400) {
        accepted.push(`${what}: ${res.status} ${res.text.slice(0, 120)}`)
        continue
      }
      await conformance.equal(
        `upload of ${what}`,
        [400, 'Only JPEG, PNG or WebP images are accepted'],
        [res.status, GuideError.parse(res.body).detail],
      )
    }
    expect(accepted, 'non-images accepted as uploads').toEqual([])
  })

  test('a truncated PNG is accepted by its magic bytes, and its video then fails with a refund @BAD-11', async ({
    api,
    suite,
    localStack,
    user,
    offered,
    conformance,
  }) => {
    await offered(suite.capabilities.uploads)
    const truncated = await api
      .post('/api/v1/upload/image')
      .set(user.auth)
      .attach('file', PNG.subarray(0, 16), { filename: 'cut.png', contentType: 'image/png' })
    expect(truncated.status).toBeLessThan(500)
    await conformance.equal('upload of a truncated PNG: status', 200, truncated.status)
    if (truncated.status !== 200) return
    const image = GuideUpload.parse(truncated.body).file_path
    const before = await creditsOf(suite.apiUrl, user)
    const { video } = await generate(suite.apiUrl, user, {
      prompt: GUIDE_PROMPT,
      model: 'sora-2',
      reference_image_url: image,
    })
    // A target's worker may have a queue to go through first (the real app runs two at a time).
    const done = await waitForTerminal(
      suite.apiUrl,
      user,
      video.id,
      suite.mode === 'target' ? 150_000 : undefined,
    )
    await conformance.equal('video of a truncated PNG: status', 'failed', done.status)
    // Either end is an answer; a failed one must be refunded (the suite's ledger holds the rest).
    if (done.status === 'failed') {
      expect(await creditsOf(suite.apiUrl, user)).toBe(before)
      await conformance.equal(
        'failed video: error_message ends',
        'Your 10 credits have been refunded.',
        done.error_message?.slice(-35),
      )
    }
    if (localStack) await expectCreditInvariant(localStack, [user.id])
  })
})
