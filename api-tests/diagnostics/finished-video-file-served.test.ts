import { uploadsMounted } from '../../harness/doctor/checks/uploads-mounted.ts'
import { videoFile } from '../../harness/doctor/checks/video-file.ts'
import { describe, expect, NEEDS_GOOGLE, test } from '../fixtures/test.ts'
import { doctorFor } from '../support/doctor.ts'
import { skipWithReason } from '../support/skip.ts'

describe('doctor: does the video play?', () => {
  test('finds a finished video whose file answers HEAD with a sane size, under a mounted /uploads @DIAG-03', async ({
    suite,
    skip,
    annotate,
  }) => {
    if (!suite.googleUrl) await skipWithReason({ skip, annotate }, NEEDS_GOOGLE)
    const ctx = doctorFor(suite)
    const file = await videoFile.run(ctx)
    const mount = await uploadsMounted.run(ctx)
    expect(file, file.detail).toMatchObject({ status: 'pass' })
    expect(file.detail).toMatch(/HEAD 200 video\/mp4, \d+ bytes/)
    expect(mount, mount.detail).toMatchObject({ status: 'pass' })
  })

  test('fails the file check with its fix when the video file is missing @DIAG-03', async ({ suite }) => {
    const file = await videoFile.run(doctorFor(suite, { videoUrl: '/uploads/videos/user_0_video_0.mp4' }))
    expect(file.status).toBe('fail')
    expect(file.detail).toContain('→ 404')
    expect(file.fix).toContain('UPLOADS_DIR')
  })
})
