import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES_DIR } from '../src/app.ts'
import { buildTestApp, FAKE_BUNDLE } from './helpers.ts'

describe('static serving', () => {
  it('GET /health answers ok', async () => {
    const app = await buildTestApp()
    const res = await app.inject({ url: '/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('serves the six preset images as PNG', async () => {
    const app = await buildTestApp()
    for (let n = 1; n <= 6; n++) {
      const res = await app.inject({ url: `/presets/preset-${n}.png` })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    }
  })

  it('serves the carousel clips with Range, and the poster', async () => {
    const app = await buildTestApp()
    const size = statSync(resolve(FIXTURES_DIR, 'carousel/sample-2.mp4')).size
    const res = await app.inject({ url: '/carousel/sample-2.mp4', headers: { range: 'bytes=0-99' } })
    expect(res.statusCode).toBe(206)
    expect(res.headers['content-type']).toBe('video/mp4')
    expect(res.headers['content-range']).toBe(`bytes 0-99/${size}`)
    const poster = await app.inject({ url: '/sample-poster.jpg' })
    expect(poster.statusCode).toBe(200)
    expect(poster.headers['content-type']).toBe('image/jpeg')
  })

  it('serves the bundle as JavaScript with an ETag that revalidates to 304', async () => {
    const app = await buildTestApp()
    const res = await app.inject({ url: '/assets/app.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(res.body).toBe(FAKE_BUNDLE.js)
    const again = await app.inject({
      url: '/assets/app.js',
      headers: { 'if-none-match': String(res.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
    expect((await app.inject({ url: '/assets/app.js.map' })).statusCode).toBe(200)
  })

  it('serves the stylesheet and icon, and refuses anything else (no directory listing, no escaping the roots)', async () => {
    const app = await buildTestApp()
    expect((await app.inject({ url: '/assets/styles.css' })).headers['content-type']).toMatch(/^text\/css/)
    expect((await app.inject({ url: '/assets/favicon.svg' })).headers['content-type']).toMatch(
      /^image\/svg\+xml/,
    )
    for (const url of ['/presets/', '/presets/../users.json', '/assets/../app.ts', '/uploads/x.png']) {
      expect([403, 404], url).toContain((await app.inject({ url })).statusCode)
    }
  })
})
