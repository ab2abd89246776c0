import { uploadsMounted } from '../../harness/doctor/checks/uploads-mounted.ts'
import { videoFile } from '../../harness/doctor/checks/video-file.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { referenceOnly, suiteDoctor } from '../support/doctor-on-target.ts'

/** The doctor finds (or makes) a finished video as a user it signs in itself; prepared tokens are not its way in. */
const DOCTOR_NEEDS_GOOGLE =
  'the doctor signs its own test user in at mock-google to find a finished video: needs TARGET_GOOGLE_URL'

describe('doctor: does the video play?', () => {
  test('finds a finished video whose file answers HEAD with a sane size, under a mounted /uploads @DIAG-03', async ({
    suite,
    skip,
    annotate,
  }) => {
    if (!suite.googleUrl) await skipWithReason({ skip, annotate }, DOCTOR_NEEDS_GOOGLE)
    const ctx = suiteDoctor(suite)
    const file = await videoFile.run(ctx)
    const mount = await uploadsMounted.run(ctx)
    expect(file, file.detail).toMatchObject({ status: 'pass' })
    expect(file.detail).toMatch(/HEAD 200 video\/mp4, \d+ bytes/)
    expect(mount, mount.detail).toMatchObject({ status: 'pass' })
  })

  test('fails the file check with its fix when the video file is missing @DIAG-03', async ({
    suite,
    skip,
    annotate,
  }) => {
    await referenceOnly(suite, { skip, annotate })
    const file = await videoFile.run(suiteDoctor(suite, { videoUrl: '/uploads/videos/user_0_video_0.mp4' }))
    expect(file.status).toBe('fail')
    expect(file.detail).toContain('→ 404')
    expect(file.fix).toContain('UPLOADS_DIR')
  })
})
