import { readFileSync } from 'node:fs'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { UploadImageResponse } from '../../system/shared/schemas/uploads.ts'
import { describe, expect, test } from '../fixtures/reliability.ts'
import { expectCreditInvariant } from '../support/invariant.ts'
import { waitForTerminal } from '../support/terminal.ts'
import { GUIDE_PROMPT, generate, REFERENCE_IMAGE } from '../support/videos.ts'

const PNG = readFileSync(REFERENCE_IMAGE)
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')

/**
 * The upload checks an image by its first bytes (JPEG, PNG, WebP), as designed. So a file that starts
 * like a PNG is stored — as a .png, served as image/png with nosniff, never as what else it contains —
 * and a truncated one fails its video later (Sora cannot read it) with a refund. Anything that does
 * not start like one of the three is refused at once.
 */
describe('truncated and polyglot images', () => {
  test('a PNG/HTML polyglot is stored and served only as image/png; other types are refused with 400 @BAD-11', async ({
    api,
    user,
  }) => {
    const upload = (bytes: Buffer, filename: string, contentType: string) =>
      api.post('/api/v1/upload/image').set(user.auth).attach('file', bytes, { filename, contentType })

    const polyglot = await upload(Buffer.concat([PNG.subarray(0, 64), HTML]), 'page.html', 'text/html')
    expect(polyglot.status).toBe(200)
    const stored = UploadImageResponse.parse(polyglot.body)
    expect(stored.file_path).toMatch(/\.png$/)
    const served = await api.get(stored.file_path)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.headers['x-content-type-options']).toBe('nosniff')

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
      expect(res.status, what).toBe(400)
      expect(ErrorResponse.parse(res.body).detail, what).toBe('Only JPEG, PNG or WebP images are accepted')
    }
  })

  test('a truncated PNG is accepted by its magic bytes, and its video then fails with a refund @BAD-11', async ({
    api,
    suite,
    localStack,
    user,
  }) => {
    const truncated = await api
      .post('/api/v1/upload/image')
      .set(user.auth)
      .attach('file', PNG.subarray(0, 16), { filename: 'cut.png', contentType: 'image/png' })
    expect(truncated.status).toBe(200)
    const image = UploadImageResponse.parse(truncated.body).file_path
    const { video } = await generate(suite.apiUrl, user, {
      prompt: GUIDE_PROMPT,
      model: 'sora-2',
      reference_image_url: image,
    })
    const done = await waitForTerminal(suite.apiUrl, user, video.id)
    expect(done.status).toBe('failed')
    expect(done.error_message).toMatch(/Your 10 credits have been refunded\.$/)
    if (localStack) await expectCreditInvariant(localStack, [user.id])
  })
})
