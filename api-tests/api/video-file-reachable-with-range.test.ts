import { statSync } from 'node:fs'
import type request from 'supertest'
import { describe, expect, test } from '../fixtures/test.ts'
import { parameters } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'

/** supertest buffers video/mp4 as bytes only with a parser of our own (in Node the response is a stream). */
const binary: Parameters<request.Test['parse']>[0] = (
  res,
  done: (err: Error | null, body: Buffer) => void,
) => {
  const stream = res as unknown as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  stream.on('end', () => done(null, Buffer.concat(chunks)))
}

describe('the video file over HTTP', () => {
  test("answers HEAD with 200 video/mp4 and its size, and a ranged GET with 206, at the API's /uploads URL @API-04", async ({
    api,
    suite,
    signedInUser,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser)
    const path = completed.video_url!

    const head = await api.head(path).expect(200)
    expect(head.headers['content-type']).toMatch(/^video\/mp4/)
    expect(head.headers['accept-ranges']).toBe('bytes')
    const size = Number(head.headers['content-length'])
    if (suite.local) expect(size).toBe(statSync(suite.local.sampleVideo).size)
    else expect(size).toBeGreaterThan(0)

    const first = await api.get(path).set('range', 'bytes=0-1023').buffer(true).parse(binary).expect(206)
    expect(first.headers['content-range']).toBe(`bytes 0-1023/${size}`)
    expect(first.headers['content-type']).toMatch(/^video\/mp4/)
    expect((first.body as Buffer).length).toBe(1024)
    expect((first.body as Buffer).subarray(4, 8).toString('latin1')).toBe('ftyp')

    const tail = await api
      .get(path)
      .set('range', `bytes=${size - 100}-`)
      .buffer(true)
      .parse(binary)
      .expect(206)
    expect(tail.headers['content-range']).toBe(`bytes ${size - 100}-${size - 1}/${size}`)
    expect((tail.body as Buffer).length).toBe(100)
    await parameters({ url: `${suite.apiUrl}${path}`, 'size (bytes)': size })
  })
})
