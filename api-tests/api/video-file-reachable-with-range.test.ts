import { describe, expect, test } from '../fixtures/test.ts'
import { binary } from '../support/binary-body.ts'
import { parameters } from '../support/evidence.ts'
import { generateAndComplete } from '../support/videos.ts'
import { expectWholeFileAtCompletion, promptWithSlowDownload } from '../support/whole-file.ts'

describe('the video file over HTTP', () => {
  test("answers HEAD with 200 video/mp4 and its size, and a ranged GET with 206, at the API's /uploads URL @API-04", async ({
    api,
    suite,
    signedInUser,
    prompt,
    localStack,
    conformance,
  }) => {
    const { completed } = await generateAndComplete(
      suite,
      signedInUser,
      await promptWithSlowDownload(localStack, prompt),
    )
    const { head, size } = await expectWholeFileAtCompletion(api, suite, completed)
    const path = completed.video_url!

    // The checklist's item: /uploads serves byte ranges, as a <video> player asks for them. HTTP lets a
    // server that does so leave Accept-Ranges out; ours sends it.
    await conformance.equal('HEAD of the video file: accept-ranges', 'bytes', head.headers['accept-ranges'])
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
