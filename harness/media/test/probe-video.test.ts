import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { probeVideo } from '../probe-video.ts'

const SAMPLE = resolve(import.meta.dirname, '../../../fixtures/sample-video.mp4')

describe('probeVideo (ffprobe)', () => {
  it('reads the sample video: a 1280x720 video stream with a duration', async () => {
    const probe = await probeVideo(SAMPLE)
    expect(probe).toMatchObject({ ok: true, value: { width: 1280, height: 720 } })
    if (probe.ok) expect(probe.value.durationS).toBeGreaterThan(0)
    if (probe.ok) expect(probe.value.streams).toContain('video')
  })

  it('reports a 27-byte placeholder as not a video', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'probe-')), 'placeholder.mp4')
    writeFileSync(file, 'MOCK VIDEO FILE FOR TESTING') // what a placeholder app serves
    const probe = await probeVideo(file)
    expect(probe.ok).toBe(false)
    if (!probe.ok) expect(['not_media', 'no_video']).toContain(probe.kind)
  })
})
