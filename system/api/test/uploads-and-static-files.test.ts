import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { UploadImageResponse } from '../../shared/schemas/uploads.ts'
import { test } from './fixture.ts'

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)])
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(64, 2)])
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.alloc(4),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(64, 3),
])

function multipart(filename: string, bytes: Buffer, type = 'image/png', field = 'file') {
  const boundary = '----aivideo-test'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describe('POST /api/v1/upload/image', () => {
  test.for([
    ['PNG', PNG, 'png'],
    ['JPEG', JPEG, 'jpg'],
    ['WebP', WEBP, 'webp'],
  ] as const)('stores a %s under the user’s folder and serves it back', async ([, bytes, ext], { api }) => {
    const { user, auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/upload/image',
      ...multipart('photo.bin', bytes),
      headers: { ...auth, ...multipart('photo.bin', bytes).headers },
    })
    expect(res.statusCode).toBe(200)
    const body = UploadImageResponse.parse(res.json())
    expect(body.file_path.startsWith(`/uploads/user_${user.id}/`)).toBe(true)
    expect(body.file_path.endsWith(`.${ext}`)).toBe(true)
    const served = await api.app.inject({ url: body.file_path })
    expect(served.statusCode).toBe(200)
    expect(served.rawPayload.equals(bytes)).toBe(true)
  })

  test('refuses a text file declared as an image with 400, by its bytes', async ({ api }) => {
    const { auth } = await api.signIn()
    const form = multipart('evil.png', Buffer.from('<?php echo 1; ?>'), 'image/png')
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/upload/image',
      payload: form.payload,
      headers: { ...auth, ...form.headers },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ detail: 'Only JPEG, PNG or WebP images are accepted' })
  })

  // Over a real socket, not inject(): the limit can be reached after the last chunk, where
  // @fastify/multipart only marks the file truncated instead of throwing.
  test('refuses 10 MB + 1 byte with 413 over HTTP, storing nothing, and accepts exactly 10 MB', async ({
    api,
  }) => {
    const { user, auth } = await api.signIn()
    const base = await api.app.listen({ port: 0, host: '127.0.0.1' })
    // FormData, as the browser and the web client send it.
    const post = (size: number) => {
      const form = new FormData()
      form.append(
        'file',
        new Blob([Buffer.concat([PNG, Buffer.alloc(size - PNG.length)])], { type: 'image/png' }),
        'big.png',
      )
      return fetch(`${base}/api/v1/upload/image`, { method: 'POST', headers: auth, body: form })
    }
    const tooBig = await post(10 * 1024 * 1024 + 1)
    expect(tooBig.status).toBe(413)
    expect(await tooBig.json()).toEqual({ detail: 'Request body too large' })
    expect(existsSync(join(api.config.UPLOADS_DIR, `user_${user.id}`))).toBe(false)
    expect((await post(10 * 1024 * 1024)).status).toBe(200)
  })

  test('answers 400 when the body is not multipart or the field is missing', async ({ api }) => {
    const { auth } = await api.signIn()
    const json = await api.app.inject({
      method: 'POST',
      url: '/api/v1/upload/image',
      headers: auth,
      payload: { file: 'x' },
    })
    expect(json.statusCode).toBe(400)
    const wrongField = multipart('a.png', PNG, 'image/png', 'image')
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/upload/image',
      payload: wrongField.payload,
      headers: { ...auth, ...wrongField.headers },
    })
    expect(res.statusCode).toBe(400)
  })
})

describe('GET /uploads/...', () => {
  test('serves a video with Range support: 206, Accept-Ranges and video/mp4', async ({ api }) => {
    const dir = join(api.config.UPLOADS_DIR, 'videos')
    await mkdir(dir, { recursive: true })
    const bytes = Buffer.alloc(4096, 7)
    await writeFile(join(dir, 'user_1_video_1.mp4'), bytes)
    const head = await api.app.inject({ method: 'HEAD', url: '/uploads/videos/user_1_video_1.mp4' })
    expect(head.statusCode).toBe(200)
    expect(head.headers['content-type']).toBe('video/mp4')
    expect(head.headers['accept-ranges']).toBe('bytes')
    expect(Number(head.headers['content-length'])).toBe(4096)
    const ranged = await api.app.inject({
      url: '/uploads/videos/user_1_video_1.mp4',
      headers: { range: 'bytes=0-99' },
    })
    expect(ranged.statusCode).toBe(206)
    expect(ranged.headers['content-range']).toBe('bytes 0-99/4096')
    expect(ranged.rawPayload.length).toBe(100)
  })

  test.for(['/uploads/../package.json', '/uploads/%2e%2e/%2e%2e/etc/passwd', '/uploads/videos/missing.mp4'])(
    'answers 404 for %s',
    async (url, { api }) => {
      const res = await api.app.inject({ url })
      expect(res.statusCode).toBe(404)
    },
  )

  test('does not list a directory', async ({ api }) => {
    const res = await api.app.inject({ url: '/uploads/videos/' })
    expect([403, 404]).toContain(res.statusCode)
    expect(res.json()).toHaveProperty('detail')
  })
})
