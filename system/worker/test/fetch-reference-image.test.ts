import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FetchImageDeps, fetchReferenceImage } from '../src/steps/fetch-reference-image.ts'
import { type Listener, PNG_BYTES, startListener } from './http-listener.ts'

let uploadsDir: string
let images: Listener
let elsewhere: Listener
let deps: FetchImageDeps

beforeAll(async () => {
  uploadsDir = await mkdtemp(join(tmpdir(), 'worker-image-'))
  elsewhere = await startListener((_req, res) => {
    res.setHeader('content-type', 'image/png')
    res.end(PNG_BYTES)
  })
  images = await startListener((req, res) => {
    const path = req.url ?? '/'
    if (path === '/ok.png') {
      res.setHeader('content-type', 'image/png')
      return res.end(PNG_BYTES)
    }
    if (path === '/redirect-away') {
      res.statusCode = 302
      res.setHeader('location', elsewhere.url('/stolen.png'))
      return res.end()
    }
    if (path === '/redirect-home') {
      res.statusCode = 302
      res.setHeader('location', '/ok.png')
      return res.end()
    }
    if (path === '/page.html') {
      res.setHeader('content-type', 'text/html')
      return res.end('<html></html>')
    }
    if (path === '/fake.png') {
      res.setHeader('content-type', 'image/png')
      return res.end('GIF89a not really a png')
    }
    if (path === '/huge.png') {
      // No content-length: the cap must hold while streaming.
      res.setHeader('content-type', 'image/png')
      res.write(PNG_BYTES)
      const chunk = Buffer.alloc(1024 * 1024)
      for (let i = 0; i < 11; i += 1) res.write(chunk)
      return res.end()
    }
    if (path === '/busy.png') {
      res.statusCode = 503
      return res.end()
    }
    if (path === '/hang.png') return // never answers
    res.statusCode = 404
    res.end()
  })
  deps = { uploadsDir, allowedHosts: [images.host], timeoutMs: 2000 }
})
afterAll(async () => {
  await images.close()
  await elsewhere.close()
  await rm(uploadsDir, { recursive: true, force: true })
})

async function upload(userId: number, bytes: Buffer = PNG_BYTES): Promise<string> {
  const name = `${randomUUID()}.png`
  await mkdir(join(uploadsDir, `user_${userId}`), { recursive: true })
  await writeFile(join(uploadsDir, `user_${userId}`, name), bytes)
  return `/uploads/user_${userId}/${name}`
}

describe('fetching the reference image', () => {
  it('answers no image when the video has none', async () => {
    expect(await fetchReferenceImage(null, 1, deps)).toEqual({ ok: true, value: null })
  })

  it("reads the user's own upload from UPLOADS_DIR with its type from the bytes", async () => {
    const r = await fetchReferenceImage(await upload(7), 7, deps)
    expect(r.ok && r.value).toMatchObject({ mime: 'image/png', filename: 'reference.png' })
    expect(r.ok && r.value?.bytes.equals(PNG_BYTES)).toBe(true)
  })

  it("refuses another user's upload", async () => {
    const r = await fetchReferenceImage(await upload(8), 9, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_not_allowed' })
  })

  it('refuses an upload path that tries to leave UPLOADS_DIR', async () => {
    const r = await fetchReferenceImage('/uploads/user_1/../../etc/passwd', 1, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_not_allowed' })
  })

  it('fails an upload that is missing on disk as an invalid image', async () => {
    const r = await fetchReferenceImage(`/uploads/user_3/${randomUUID()}.png`, 3, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_invalid' })
  })

  it('fetches a remote image from an allowed host', async () => {
    const r = await fetchReferenceImage(images.url('/ok.png'), 1, deps)
    expect(r.ok && r.value?.mime).toBe('image/png')
  })

  it('refuses a host off the allow list without sending it any request', async () => {
    const before = elsewhere.requests.length
    const r = await fetchReferenceImage(elsewhere.url('/x.png'), 1, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_not_allowed' })
    expect(elsewhere.requests.length).toBe(before)
  })

  it('follows a redirect within allowed hosts but never to another host', async () => {
    const home = await fetchReferenceImage(images.url('/redirect-home'), 1, deps)
    expect(home.ok && home.value?.mime).toBe('image/png')
    const before = elsewhere.requests.length
    const away = await fetchReferenceImage(images.url('/redirect-away'), 1, deps)
    expect(away).toMatchObject({ ok: false, kind: 'image_not_allowed' })
    expect(elsewhere.requests.length).toBe(before)
  })

  it('refuses an answer that is not an image/* content type', async () => {
    const r = await fetchReferenceImage(images.url('/page.html'), 1, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_invalid' })
  })

  it('refuses bytes that are not JPEG, PNG or WebP whatever the header says', async () => {
    const r = await fetchReferenceImage(images.url('/fake.png'), 1, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_invalid' })
  })

  it('stops reading an image over 10 MB', async () => {
    const r = await fetchReferenceImage(images.url('/huge.png'), 1, deps)
    expect(r).toMatchObject({ ok: false, kind: 'image_invalid' })
    expect(r.ok || r.detail).toMatch(/over 10485760 bytes/)
  })

  it('reports a 5xx of the image host as a transient server failure', async () => {
    const r = await fetchReferenceImage(images.url('/busy.png'), 1, deps)
    expect(r).toMatchObject({ ok: false, kind: 'server' })
  })

  it('gives up on an image host that does not answer in time', async () => {
    const r = await fetchReferenceImage(images.url('/hang.png'), 1, { ...deps, timeoutMs: 300 })
    expect(r).toMatchObject({ ok: false, kind: 'timeout' })
  })
})
