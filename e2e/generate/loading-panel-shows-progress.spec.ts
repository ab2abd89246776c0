import { valuesOf } from '../../harness/browser/page-timeline.ts'
import { BUDGET, GUIDE_PROMPT, WATCHED_JOB_S } from '../fixtures/budgets.ts'
import { expect, test } from '../fixtures/test.ts'

test.use({ soraJobS: WATCHED_JOB_S })

const IN_PROGRESS = /^Video generation in progress\.\.\. \d+%$/

test('while generating, the panel shows a spinning loader on a purple-to-pink gradient, "Generating your video...", and "Starting..." then "Video generation in progress..." @FE-04', async ({
  studio,
  signedInUser: _user,
}) => {
  await studio.generateFrom(4, GUIDE_PROMPT)
  await expect(studio.loading).toBeVisible({ timeout: BUDGET.atOnceMs })
  await expect(studio.carousel).toBeHidden()
  await expect(studio.spinner).toBeVisible()
  expect(await studio.style(studio.spinner, 'animation-name')).toBe('spin')
  expect(await studio.style(studio.spinner, 'animation-play-state')).toBe('running')
  expect(await studio.style(studio.loading, 'background-image')).toMatch(/^linear-gradient/)
  await expect(studio.loading.getByTestId('loading-title')).toHaveText('Generating your video...')
  await expect(studio.loading.getByTestId('loading-prompt')).toHaveText(GUIDE_PROMPT)
  await expect(studio.statusBar).toHaveAttribute('data-phase', 'loading')
  await expect(studio.statusBar.getByTestId('status-text')).toHaveText(/^Video #\d+: (queued|processing)$/)

  await expect(studio.success).toBeVisible({ timeout: BUDGET.jobDoneMs(WATCHED_JOB_S) })
  await expect(studio.loading).toBeHidden()

  // Every text the progress line showed: "Starting..." first, then only the in-progress text with its
  // percentage, never back (the recorder saw each change, however briefly it was shown).
  const texts = valuesOf(await studio.timeline(), 'progress-text')
  expect(texts[0]).toBe('Starting...')
  expect(texts.slice(1).length, 'the progress text moved on').toBeGreaterThan(0)
  for (const text of texts.slice(1)) expect(text).toMatch(IN_PROGRESS)
})
