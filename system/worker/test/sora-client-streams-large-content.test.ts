import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, open, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect } from 'vitest'
import { test } from './fixtures.ts'
import { waitUntil } from './wait-until.ts'

/**
 * The guide's sample is 151 MB: the content download must stream to disk, never hold the body in memory.
 * mock-sora serves a sample that large here; the test process runs the client and watches its RSS.
 */
/** The guide's sample size (151 MB, "154624.00 KB"): large enough that buffering could not hide. */
const SIZE_MB = 151
const LARGE_SCRIPT = 'fixtures/make-large-sample.sh'

/** A playable large MP4 when ffmpeg is around, else a valid `ftyp` box followed by zero padding. */
async function makeLargeSample(path: string): Promise<void> {
  const hasFfmpeg = await promisify(execFile)('ffmpeg', ['-version']).then(
    () => true,
    () => false,
  )
  if (existsSync(LARGE_SCRIPT) && hasFfmpeg) {
    await promisify(execFile)('bash', [LARGE_SCRIPT, String(SIZE_MB), path])
    return
  }
  const ftyp = Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f326d703431', 'hex')
  const file = await open(path, 'w')
  try {
    await file.write(ftyp)
    const chunk = Buffer.alloc(1024 * 1024)
    for (let i = 0; i < SIZE_MB; i += 1) await file.write(chunk)
  } finally {
    await file.close()
  }
}

let workDir = ''
// biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
test.override('mockSoraEnv', { scope: 'file' }, async ({}, { onCleanup }) => {
  workDir = await mkdtemp(join(tmpdir(), 'large-sample-'))
  onCleanup(() => rm(workDir, { recursive: true, force: true }))
  const sample = join(workDir, 'large-sample.mp4')
  await makeLargeSample(sample)
  return { MOCK_SORA_DURATION_S: '1', MOCK_SORA_SAMPLE_VIDEO: sample }
})

describe('downloading a large video', () => {
  test(`streams a ${SIZE_MB} MB content to disk with RSS growth well below its size`, async ({ sora }) => {
    const sampleBytes = (await stat(sora.sampleVideo)).size
    expect(sampleBytes).toBeGreaterThanOrEqual(100 * 1024 * 1024)
    const created = await sora.client.createVideo({
      prompt: 'A cinematic product showcase',
      model: 'sora-2',
      seconds: '8',
      size: '1280x720',
    })
    if (!created.ok) throw new Error(created.detail)
    await waitUntil(
      async () => {
        const r = await sora.client.retrieveVideo(created.value.id)
        return r.ok && r.value.status === 'completed' ? true : `status ${r.ok ? r.value.status : r.kind}`
      },
      { deadlineMs: 10_000, what: 'the mock job to complete' },
    )
    // Warm the code paths once with the small thumbnail so their allocations are not counted.
    await sora.client.downloadContent(created.value.id, 'thumbnail', join(workDir, 'warm.jpg'))

    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 5)
    const dest = join(workDir, 'downloaded.mp4')
    const r = await sora.client.downloadContent(created.value.id, 'video', dest)
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)

    expect(r).toEqual({ ok: true, value: { path: dest, bytes: sampleBytes } })
    expect((await stat(dest)).size).toBe(sampleBytes)
    // A buffered body would add at least the file's size. Streaming costs a fixed ~35 MiB the first
    // time (V8 grows its young generation under the chunk churn), the same for 20 MB as for 230 MB.
    const growth = peak - before
    expect(growth, `RSS grew by ${(growth / 1048576).toFixed(1)} MiB`).toBeLessThan(sampleBytes / 2)
  }, 120_000)
})
