import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { UploadImageResponse } from '../../system/shared/schemas/uploads.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { announceSeed, expectHandled } from '../support/in-process-api.ts'
import { fuzzParameters, headerText } from '../support/schema-arbitraries.ts'

const MAGIC = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: Buffer.from([0xff, 0xd8, 0xff]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]),
  gif: Buffer.from('GIF89a'),
  html: Buffer.from('<!doctype html><script>alert(1)</script>'),
}

/** What the stored bytes are, by their own magic (independent of the API's code). */
const sniff = (b: Buffer) =>
  b.subarray(0, 8).equals(MAGIC.png)
    ? 'png'
    : b.subarray(0, 3).equals(MAGIC.jpg)
      ? 'jpg'
      : b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'
        ? 'webp'
        : null

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
  fc
    .tuple(fc.constantFrom(...Object.values(MAGIC)), fc.uint8Array({ maxLength: 2048 }))
    .map(([m, rest]) => Buffer.concat([m, Buffer.from(rest)])),
)

/** A multipart body, well-formed or broken in one of the ways clients break them. */
const multipart = fc
  .record({
    field: fc.constantFrom('file', 'image', 'FILE', ''),
    filename: fc.oneof(headerText(60), fc.constantFrom('a.png', '../../x.png', 'x.php.png', '"quoted".png')),
    type: fc.constantFrom(
      'image/png',
      'image/jpeg',
      'image/webp',
      'text/html',
      'application/octet-stream',
      '',
    ),
    bytes,
    shape: fc.constantFrom('ok', 'ok', 'ok', 'no-end', 'wrong-boundary', 'two-files', 'no-disposition'),
  })
  .map(({ field, filename, type, bytes, shape }) => {
    const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW'
    const part = (b: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${shape === 'wrong-boundary' ? 'other' : boundary}\r\n${
            shape === 'no-disposition'
              ? ''
              : `Content-Disposition: form-data; name="${field}"; filename="${filename}"\r\n`
          }${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
        ),
        b,
        Buffer.from('\r\n'),
      ])
    const parts = shape === 'two-files' ? [part(bytes), part(bytes)] : [part(bytes)]
    const end = shape === 'no-end' ? '' : `--${boundary}--\r\n`
    return { boundary, payload: Buffer.concat([...parts, Buffer.from(end)]), shape, bytes }
  })

describe('fuzzed uploads', () => {
  test('never get a 5xx; every 4xx has a JSON detail; only real images are stored, as sent @BAD-05', async ({
    fuzzApi,
  }) => {
    const params = fuzzParameters()
    await announceSeed('POST /upload/image', params)
    const before = await fuzzApi.snapshot()
    await fc.assert(
      fc.asyncProperty(multipart, async ({ boundary, payload, shape }) => {
        const res = await fuzzApi.app.inject({
          method: 'POST',
          url: '/api/v1/upload/image',
          headers: { ...fuzzApi.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        })
        expectHandled(res, `upload (${shape}, ${payload.length} bytes)`)
        if (res.statusCode === 200) {
          const stored = UploadImageResponse.parse(res.json())
          const onDisk = readFileSync(join(fuzzApi.uploadsDir, stored.file_path.replace('/uploads/', '')))
          expect(sniff(onDisk), stored.file_path).toBe(stored.file_path.split('.').pop())
        }
        expect(await fuzzApi.snapshot()).toBe(before)
      }),
      params,
    )
  })
})
