import { BUDGET, GUIDE_PROMPT } from '../fixtures/budgets.ts'
import { guideSequence } from '../fixtures/console-lines.ts'
import { expect, test } from '../fixtures/test.ts'

test('the guide walk: log in, pick a preset, type the prompt, Generate; credits 90.0 at once and the video autoplays @FE-01 @FE-02 @FE-03 @FE-04 @FE-05 @FE-06 @FE-07 @FE-08 @FE-09 @PERF-04', async ({
  studio,
  webUrl,
  consoleLines,
}, testInfo) => {
  await studio.open(webUrl)
  await expect(studio.carousel).toBeVisible()
  await expect(studio.carouselDots).toHaveCount(3)

  await studio.signIn('alice@example.test', BUDGET.signInMs)
  await expect(studio.credits).toHaveText('100.0')

  await studio.preset(1).click()
  await expect(studio.preset(1)).toHaveAttribute('aria-checked', 'true')
  await expect(studio.preset(1).getByTestId('selected-check')).toBeVisible()
  await studio.prompt.fill(GUIDE_PROMPT)
  await expect(studio.generate).toBeEnabled()
  await studio.screenshot('default')

  const clickedAt = Date.now()
  await studio.generate.click()
  await expect(studio.credits).toHaveText('90.0', { timeout: BUDGET.atOnceMs })
  await expect(studio.generate).toHaveText('Generating...', { timeout: BUDGET.atOnceMs })
  await expect(studio.generate).toBeDisabled()
  await expect(studio.loading).toBeVisible()
  await expect(studio.loading.getByTestId('loading-spinner')).toBeVisible()
  await expect(studio.loading).toContainText('Generating your video...')
  await expect(studio.progressText).toHaveText(/^(Starting\.\.\.|Video generation in progress\.\.\. \d+%)$/)
  await studio.screenshot('loading')
  await expect(studio.progressText).toHaveText(/^Video generation in progress\.\.\. \d+%$/, {
    timeout: BUDGET.clickToPlayingMs,
  })

  // Playing: enough data to play, not paused, no media error, time moving.
  const left = () => Math.max(1, BUDGET.clickToPlayingMs - (Date.now() - clickedAt))
  await expect
    .poll(() => studio.playback(), { timeout: left(), message: 'the generated video autoplays' })
    .toMatchObject({ paused: false, error: null, readyState: expect.any(Number) })
  await expect
    .poll(async () => (await studio.playback()).readyState, { timeout: left() })
    .toBeGreaterThanOrEqual(3)
  const startedAt = (await studio.playback()).currentTime
  await expect
    .poll(async () => (await studio.playback()).currentTime, {
      timeout: left(),
      message: 'playback advances',
    })
    .not.toBe(startedAt)
  const clickToPlayingMs = Date.now() - clickedAt
  testInfo.annotations.push({ type: 'click-to-playing-ms', description: String(clickToPlayingMs) })
  console.info(`click → playing: ${clickToPlayingMs} ms`)

  const playback = await studio.playback()
  expect(playback.src).toMatch(/\/uploads\/videos\/user_\d+_video_\d+\.mp4$/)
  expect([playback.videoWidth, playback.videoHeight]).toEqual([1280, 720])
  await expect(studio.resultTitle).toHaveText('Your Video: Generated with Sora 2')
  await expect(studio.success.getByTestId('tag-resolution')).toHaveText('1280x720')
  await expect(studio.success.getByTestId('tag-ai')).toHaveText('AI Generated')
  await expect(studio.generate).toBeEnabled()
  await expect(studio.generate).toHaveText('Generate')
  await expect(studio.credits).toHaveText('90.0')
  await studio.screenshot('success')

  expect(guideSequence(consoleLines)).toEqual([
    '🎬 Generating video with',
    '✅ Video generation task created',
    '📊 Video status: pending',
    '📊 Video status: processing',
    '📊 Video status: completed',
    '🎉 Video generation completed!',
  ])
})
