import { GuideError, GuideUpload } from '../../harness/target/guide-schemas.ts'
import { MAX_UPLOAD_BYTES } from '../../system/shared/schemas/uploads.ts'
import { describe, expect, test } from '../fixtures/test.ts'

/** A PNG header then zeros: an image by its magic bytes, of exactly the size asked for. */
const pngOfSize = (bytes: number) => {
  const buf = Buffer.alloc(bytes)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buf)
  return buf
}

/** The guide fixes the 10 MB limit and the 413; the detail text is the reference's (conformance). */
describe('an upload of 10 MB + 1 byte', () => {
  test('answers 413 with a detail and stores nothing; 10 MB exactly is accepted @BAD-12', async ({
    api,
    suite,
    user,
    offered,
    conformance,
  }) => {
    await offered(suite.capabilities.uploads)
    const over = await api
      .post('/api/v1/upload/image')
      .set(user.auth)
      .attach('file', pngOfSize(MAX_UPLOAD_BYTES + 1), { filename: 'big.png', contentType: 'image/png' })
    expect(over.status).toBe(413)
    await conformance.equal(
      'upload over 10 MB: detail',
      'Request body too large',
      GuideError.parse(over.body).detail,
    )

    const exact = await api
      .post('/api/v1/upload/image')
      .set(user.auth)
      .attach('file', pngOfSize(MAX_UPLOAD_BYTES), { filename: 'exact.png', contentType: 'image/png' })
    expect(exact.status).toBe(200)
    const stored = GuideUpload.parse(exact.body)
    const head = await api.head(stored.file_path)
    expect(Number(head.headers['content-length'])).toBe(MAX_UPLOAD_BYTES)
  })
})
