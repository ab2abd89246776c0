import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { SoraVideo } from '../../shared/schemas/sora.ts'
import { createSoraClient } from '../src/sora-client.ts'
import { test } from './fixtures.ts'
import { startListener } from './http-listener.ts'
import { waitUntil } from './wait-until.ts'

/** The worker's Sora client against mock-sora (a faithful OpenAI Videos API), and its failure kinds. */
const request = {
  prompt: 'A cinematic product showcase',
  model: 'sora-2',
  seconds: '8',
  size: '1280x720',
} as const

describe('the Sora client', () => {
  test('creates a job from a JSON request and retrieves it in OpenAI shape', async ({ sora }) => {
    const created = await sora.client.createVideo(request)
    if (!created.ok) throw new Error(`${created.kind}: ${created.detail}`)
    expect(SoraVideo.parse(created.value)).toMatchObject({ model: 'sora-2', seconds: '8', size: '1280x720' })
    expect(['queued', 'in_progress']).toContain(created.value.status)
    const again = await sora.client.retrieveVideo(created.value.id)
    expect(again.ok && again.value.id).toBe(created.value.id)
  })

  test('sends a reference image as the multipart input_reference file', async ({ sora }) => {
    const bytes = await readFile('fixtures/presets/preset-1.png')
    const created = await sora.client.createVideo({
      ...request,
      image: { bytes, mime: 'image/png', filename: 'reference.png' },
    })
    if (!created.ok) throw new Error(`${created.kind}: ${created.detail}`)
    expect(created.value.prompt).toBe(request.prompt)
    expect(await sora.jobCount()).toBe(1)
    expect((await sora.state()).requests['POST /v1/videos']).toBe(1)
    const parameters = sora.logLines.find(
      (l) => l.event === 'mock.sora.parameters' && l.jobId === created.value.id,
    )
    expect(parameters).toMatchObject({ has_image: true })
  })

  test('streams the finished content to disk with the sample size, and the thumbnail', async ({ sora }) => {
    const created = await sora.client.createVideo(request)
    if (!created.ok) throw new Error(created.detail)
    await waitUntil(
      async () => {
        const r = await sora.client.retrieveVideo(created.value.id)
        return r.ok && r.value.status === 'completed' ? true : `status ${r.ok ? r.value.status : r.kind}`
      },
      { deadlineMs: 10_000, what: 'the mock job to complete' },
    )
    const dir = await mkdtemp(join(tmpdir(), 'sora-content-'))
    try {
      const video = await sora.client.downloadContent(created.value.id, 'video', join(dir, 'out.mp4'))
      expect(video).toEqual({
        ok: true,
        value: { path: join(dir, 'out.mp4'), bytes: (await stat(sora.sampleVideo)).size },
      })
      expect((await readFile(join(dir, 'out.mp4'))).subarray(4, 8).toString()).toBe('ftyp')
      const thumb = await sora.client.downloadContent(created.value.id, 'thumbnail', join(dir, 'out.jpg'))
      expect(thumb.ok && thumb.value.bytes).toBe((await stat(sora.sampleThumbnail)).size)
      expect((await readdir(dir)).sort()).toEqual(['out.jpg', 'out.mp4'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('answers not_found for content that is not ready and leaves no partial file', async ({ sora }) => {
    const created = await sora.client.createVideo(request)
    if (!created.ok) throw new Error(created.detail)
    const dir = await mkdtemp(join(tmpdir(), 'sora-content-'))
    try {
      const r = await sora.client.downloadContent(created.value.id, 'video', join(dir, 'out.mp4'))
      expect(r).toMatchObject({ ok: false, kind: 'not_found' })
      expect(await readdir(dir)).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('answers not_found with OpenAI’s message for an unknown job', async ({ sora }) => {
    const r = await sora.client.retrieveVideo('video_doesnotexist')
    expect(r).toMatchObject({ ok: false, kind: 'not_found' })
    expect(r.ok || r.detail).toMatch(/not found/)
  })

  test('answers unauthorized for a wrong key, with OpenAI’s message as detail', async ({ sora }) => {
    const client = createSoraClient({ baseUrl: sora.url, apiKey: 'sk-wrong', timeoutMs: 5000 })
    const r = await client.createVideo(request)
    expect(r).toMatchObject({ ok: false, kind: 'unauthorized' })
    expect(r.ok || r.detail).toMatch(/Incorrect API key/)
  })

  test('answers rate_limited for a 429', async ({ sora }) => {
    await sora.fault({ mode: 'rate_limit', count: 1 })
    const r = await sora.client.createVideo(request)
    expect(r).toMatchObject({ ok: false, kind: 'rate_limited' })
    expect(r.ok || r.detail).toMatch(/Rate limit/)
    expect((await sora.client.createVideo(request)).ok).toBe(true)
  })

  test('answers server for a 500', async ({ sora }) => {
    await sora.fault({ mode: 'server_error', count: 1 })
    const r = await sora.client.createVideo(request)
    expect(r).toMatchObject({ ok: false, kind: 'server' })
  })

  test('answers rejected for a request Sora refuses as invalid', async ({ sora }) => {
    const r = await sora.client.createVideo({ ...request, prompt: '' })
    expect(r).toMatchObject({ ok: false, kind: 'rejected' })
  })

  test('accepts a base URL that already ends in /v1', async ({ sora }) => {
    const client = createSoraClient({ baseUrl: `${sora.url}/v1/`, apiKey: sora.apiKey, timeoutMs: 5000 })
    expect((await client.createVideo(request)).ok).toBe(true)
  })

  test('answers network when nothing listens, timeout when nothing answers', async () => {
    const silent = await startListener(() => {})
    const gone = await startListener()
    await gone.close()
    try {
      const refused = createSoraClient({ baseUrl: gone.url(''), apiKey: 'k', timeoutMs: 1000 })
      expect(await refused.retrieveVideo('video_x')).toMatchObject({ ok: false, kind: 'network' })
      const hanging = createSoraClient({ baseUrl: silent.url(''), apiKey: 'k', timeoutMs: 200 })
      expect(await hanging.retrieveVideo('video_x')).toMatchObject({ ok: false, kind: 'timeout' })
    } finally {
      await silent.close()
    }
  })

  test('answers protocol for a 200 that is not a video object', async () => {
    const odd = await startListener((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ id: 'video_x', object: 'something else' }))
    })
    try {
      const client = createSoraClient({ baseUrl: odd.url(''), apiKey: 'k', timeoutMs: 1000 })
      expect(await client.retrieveVideo('video_x')).toMatchObject({ ok: false, kind: 'protocol' })
    } finally {
      await odd.close()
    }
  })
})
